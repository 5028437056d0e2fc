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
  // The legend and the tables are drawn once, by the fragment's apply after the map's first frame:
  // drawing them before it too delayed the first frame of large maps (about 0.7 s at 30k actors).
  net.once("afterDrawing", function () {
    ag.network.fitView(false);
    ag.fragment.apply();
    net.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
    net.redraw();
  });
  net.redraw();
}(actorgraph));
