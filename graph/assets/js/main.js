/* main: size the map to the window, draw, fit, restore the view from the #fragment. */

function sizeMain() {
  var head = document.querySelector(".ag-header").offsetHeight;
  document.documentElement.style.setProperty("--ag-head", head + "px");
}

sizeMain();
window.addEventListener("resize", sizeMain);
renderLegend();
renderTables();
network.once("afterDrawing", function () {
  fitView(false);
  applyHash();
  network.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
  network.redraw();
});
network.redraw();
