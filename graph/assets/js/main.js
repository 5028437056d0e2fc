/* main: size the map to the window, draw, fit, restore the view from the #fragment. */

(function (ag) {
  "use strict";
  var net = ag.network.network;

  function sizeMain() {
    var head = document.querySelector(".ag-header").offsetHeight;
    document.documentElement.style.setProperty("--ag-head", head + "px");
  }

  sizeMain();
  window.addEventListener("resize", sizeMain);
  ag.legend.render();
  ag.tables.render();
  net.once("afterDrawing", function () {
    ag.network.fitView(false);
    ag.fragment.apply();
    net.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
    net.redraw();
  });
  net.redraw();
}(actorgraph));
