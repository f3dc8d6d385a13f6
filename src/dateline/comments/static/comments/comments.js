// Progressive enhancement for the comments region; everything works without it.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  var form = document.getElementById("commentform");
  if (!respond || !form) return;
  var home = respond.parentNode, homeNext = respond.nextSibling;
  var parentField = document.getElementById("comment-parent");
  var title = document.getElementById("reply-title");
  var cancel = document.getElementById("cancel-comment-reply-link");
  var titleText = title.firstChild.nodeValue;

  function replyTo(link) {
    var item = document.getElementById("comment-" + link.dataset.replyTo);
    if (!item) return false;
    item.querySelector(".comment-body").after(respond);
    parentField.value = link.dataset.replyTo;
    title.firstChild.nodeValue = "Reply to " + link.dataset.replyName + " ";
    cancel.hidden = false;
    document.getElementById("comment").focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-reply-to]");
    if (link && replyTo(link)) event.preventDefault();
    var more = event.target.closest("[data-load-more]");
    if (more) {
      event.preventDefault();
      fetch(more.dataset.loadMore, { credentials: "omit" })
        .then(function (response) { if (!response.ok) throw new Error(); return response.text(); })
        .then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var list = more.closest(".comments").querySelector("[data-comment-list]");
          holder.querySelectorAll("[data-comment-list] > li").forEach(function (li) { list.appendChild(li); });
          var next = holder.querySelector("[data-load-more]");
          if (next) { more.dataset.loadMore = next.dataset.loadMore; more.href = next.getAttribute("href"); }
          else more.parentNode.remove();
        })
        .catch(function () { window.location = more.href; });
    }
  });

  cancel.addEventListener("click", function (event) {
    event.preventDefault();
    home.insertBefore(respond, homeNext);
    parentField.value = "";
    title.firstChild.nodeValue = titleText;
    cancel.hidden = true;
  });

  // Signed-in readers get their name and email filled in; the cached page never holds them.
  form.addEventListener("focusin", function once() {
    form.removeEventListener("focusin", once);
    fetch("/comments/me/", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (me) {
        ["name", "email"].forEach(function (key) {
          var input = form.elements[key];
          if (me[key] && input && !input.value) input.value = me[key];
        });
      })
      .catch(function () {});
  });
})();
