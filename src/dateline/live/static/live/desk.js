// The live desk: other reporters' posts, edits and pins show up without a reload.
(function () {
  "use strict";
  var section = document.querySelector("[data-live-desk]");
  var list = document.querySelector("[data-live-desk-entries]");
  if (!section || !list || !window.EventSource || !window.fetch) return;
  var source = new EventSource(section.dataset.liveDesk + "?after=head");
  function refresh() {
    fetch(window.location.pathname + "?part=entries", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) list.innerHTML = html; });
  }
  ["entry", "edit", "delete", "pin", "end"].forEach(function (kind) {
    source.addEventListener(kind, refresh);
  });
})();
