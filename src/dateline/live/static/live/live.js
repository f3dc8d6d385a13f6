// Live pages: new, edited and deleted entries of a live blog, and a story's newly
// approved comments, without reloading. The page works without this script: a reload
// shows everything. Follows the page's Server-Sent Events stream; falls back to polling
// the cacheable updates URL when the stream is refused (503), paused or unavailable.
(function () {
  "use strict";
  if (window.datelineLive) return;
  window.datelineLive = true;
  var root = document.querySelector("[data-live-stream]");
  if (!root || !window.fetch || !window.JSON || !document.createElement("template").content) return;

  var KINDS = ["entry", "edit", "delete", "pin", "key-events", "end", "comment", "reload"];
  var cursor = root.dataset.liveAfter === "head" ? -1 : Number(root.dataset.liveAfter) || 0;
  var interval = Number(root.dataset.liveInterval) || 10;
  var pollUrl = root.dataset.livePoll;
  var source = null;
  var timer = null;
  var stopped = false;
  var pendingComments = [];
  var status = document.querySelector("[data-live-status]");
  var notice = null;

  function element(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function entries() {
    return document.querySelector("[data-live-entries]");
  }

  function replaceAll(selector, html) {
    var current = document.querySelector(selector);
    if (current) current.replaceWith(element(html));
  }

  function removeEntry(id) {
    var current = document.getElementById("entry-" + id);
    if (current) current.remove();
  }

  var handlers = {
    entry: function (data) {
      var list = entries();
      if (!list) return;
      var existing = document.getElementById("entry-" + data.id);
      var fresh = element(data.html);
      if (existing) {
        existing.replaceWith(fresh);
        return;
      }
      var empty = list.querySelector(".live-empty");
      if (empty) empty.remove();
      list.insertBefore(fresh, list.firstElementChild);
      say(data.title ? "New key event: " + data.title : "New update posted");
    },
    edit: function (data) {
      var existing = document.getElementById("entry-" + data.id);
      if (existing) existing.replaceWith(element(data.html));
    },
    delete: function (data) {
      removeEntry(data.id);
      var pinned = document.getElementById("pinned-entry-" + data.id);
      if (pinned) pinned.remove();
    },
    pin: function (data) {
      replaceAll("[data-live-pinned]", data.html);
    },
    "key-events": function (data) {
      replaceAll("[data-live-key-events]", data.html);
    },
    end: function () {
      stop();
      var badge = document.querySelector(".live-badge");
      if (badge) {
        badge.classList.add("live-badge--ended");
        badge.textContent = "Live coverage has ended";
      }
      say("Live coverage has ended");
    },
    comment: function (data) {
      if (document.getElementById("comment-" + data.id)) return;
      pendingComments.push(data);
      showCommentNotice();
    },
    reload: function () {
      window.location.reload();
    },
  };

  // "2 new comments: show": floats over the page, so nothing moves until the reader asks.
  function showCommentNotice() {
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "live-notice";
      notice.setAttribute("role", "status");
      notice.setAttribute("aria-live", "polite");
      var button = document.createElement("button");
      button.type = "button";
      button.addEventListener("click", insertComments);
      notice.appendChild(button);
      document.body.appendChild(notice);
    }
    var count = pendingComments.length;
    notice.hidden = count === 0;
    notice.firstChild.textContent =
      count + (count === 1 ? " new comment" : " new comments") + ": show";
  }

  function commentList() {
    var list = document.querySelector("[data-comment-list]");
    if (list) return list;
    var region = document.getElementById("comments");
    if (!region) return null;
    list = document.createElement("ol");
    list.className = "comment-list";
    list.setAttribute("data-comment-list", "");
    var heading = document.getElementById("comments-heading");
    region.insertBefore(list, heading ? heading.nextElementSibling : region.firstChild);
    return list;
  }

  function insertComments() {
    var first = null;
    pendingComments.forEach(function (data) {
      if (document.getElementById("comment-" + data.id)) return;
      var fresh = element(data.html);
      var parent = data.parent && document.getElementById("comment-" + data.parent);
      var list = null;
      if (parent) {
        list = parent.querySelector(":scope > ol.children");
        if (!list) {
          list = document.createElement("ol");
          list.className = "children";
          parent.appendChild(list);
        }
      } else {
        list = commentList();
      }
      if (!list) return;
      list.appendChild(fresh);
      first = first || fresh;
    });
    pendingComments = [];
    showCommentNotice();
    if (first) {
      // Keyboard and screen-reader users land on what they asked for; nothing scrolls.
      first.setAttribute("tabindex", "-1");
      first.focus({ preventScroll: true });
    }
  }

  function apply(id, kind, data) {
    if (id && cursor >= 0 && id <= cursor) return;
    if (id) cursor = id;
    var handler = handlers[kind];
    if (handler) handler(data);
  }

  function stop() {
    stopped = true;
    if (source) source.close();
    source = null;
    if (timer) window.clearTimeout(timer);
  }

  function schedulePoll(delay) {
    if (stopped) return;
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(poll, (delay === undefined ? interval : delay) * 1000);
  }

  function poll() {
    if (stopped) return;
    fetch(pollUrl, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (answer) {
        interval = answer.interval || interval;
        if (cursor < 0) cursor = answer.latest;
        if (answer.first > cursor + 1 && cursor < answer.latest) {
          window.location.reload(); // missed more than one answer holds
          return;
        }
        answer.events.forEach(function (event) {
          apply(event.id, event.event, event.data);
        });
        if (answer.ended) return stop();
        pollUrl = answer.next;
        schedulePoll();
      })
      .catch(function () {
        schedulePoll(interval * 2);
      });
  }

  function connect() {
    if (!window.EventSource || root.hasAttribute("data-live-polling-only")) {
      schedulePoll();
      return;
    }
    var url = root.dataset.liveStream + "?after=" + (cursor < 0 ? "head" : cursor);
    source = new EventSource(url);
    KINDS.forEach(function (kind) {
      source.addEventListener(kind, function (event) {
        apply(Number(event.lastEventId) || 0, kind, JSON.parse(event.data));
      });
    });
    source.addEventListener("poll", function (event) {
      interval = JSON.parse(event.data).interval || interval;
      source.close();
      source = null;
      schedulePoll();
    });
    source.onerror = function () {
      // A refusal (503: too many readers, or streams paused) or an ended page (204)
      // closes the stream for good: poll at the interval the server sets.
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        schedulePoll();
      }
    };
  }

  connect();
})();
