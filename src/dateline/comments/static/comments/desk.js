// The moderation desk's conveniences; every action works without them.
(function () {
  "use strict";
  var all = document.querySelector("[data-select-all]");
  if (all) {
    var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="comment"]'));
    all.closest("label").hidden = false;
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var ticked = boxes.filter(function (b) { return b.checked; }).length;
        all.checked = ticked === boxes.length;
        all.indeterminate = ticked > 0 && ticked < boxes.length;
      });
    });
  }
  // The undo offer goes away when the server would no longer accept it.
  var undo = document.querySelector(".desk-undo");
  if (undo) {
    var left = parseInt(undo.dataset.undoSeconds, 10) - 1;
    var label = undo.querySelector(".desk-undo__time");
    var timer = setInterval(function () {
      left -= 1;
      if (left <= 0) { clearInterval(timer); undo.remove(); return; }
      label.textContent = "(" + left + " seconds left)";
    }, 1000);
  }
})();
