// Progressive enhancement only: every page works without this file. The HTML holds UTC times; this script shows
// them in the visitor's time zone, keeps "x min ago" moving, and refreshes the live blocks of an open page.
(function () {
  'use strict';

  var REFRESH_MS = 30000;

  function two(n) { return (n < 10 ? '0' : '') + n; }

  function span(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) { return s + ' s'; }
    var m = Math.floor(s / 60);
    if (m < 60) { return m + ' min'; }
    var h = Math.floor(m / 60);
    if (h < 48) { return h + ' h' + (m % 60 ? ' ' + (m % 60) + ' min' : ''); }
    return Math.floor(h / 24) + ' days';
  }

  function local(date) {
    var sameDay = date.toDateString() === new Date().toDateString();
    var clock = two(date.getHours()) + ':' + two(date.getMinutes());
    return sameDay ? clock : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' }) + ', ' + clock;
  }

  function times(root) {
    var now = Date.now();
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      var date = new Date(el.getAttribute('datetime'));
      if (isNaN(date)) { return; }
      if (!el.hasAttribute('data-utc')) { el.setAttribute('data-utc', el.textContent); }
      el.title = el.getAttribute('data-utc');
      if (el.hasAttribute('data-ago')) {
        el.textContent = span(now - date.getTime()) + ' ago';
      } else {
        el.textContent = local(date);
      }
      if (el.hasAttribute('data-since')) {
        var next = el.nextElementSibling;
        if (!next || !next.classList.contains('lasting')) {
          next = document.createElement('span');
          next.className = 'lasting';
          el.parentNode.insertBefore(next, el.nextSibling);
        }
        next.textContent = ' (' + span(now - date.getTime()) + ')';
      }
    });
  }

  // The live blocks (level, components) come again from the same URL: the page cache answers, so a room full of
  // open tabs costs one render per snapshot. Hidden tabs wait until they are shown again.
  var last = Date.now();
  function refresh() {
    var blocks = document.querySelectorAll('[data-live][id]');
    if (!blocks.length || !window.fetch || !window.DOMParser) { return; }
    last = Date.now();
    fetch(location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        blocks.forEach(function (block) {
          var next = fresh.getElementById(block.id);
          if (next && next.innerHTML !== block.innerHTML) {
            block.replaceWith(document.importNode(next, true));
          }
        });
        times(document);
        var filterInput = document.querySelector('input[data-filter]');
        if (filterInput) { filterInput.dispatchEvent(new Event('input')); }
      })
      .catch(function () { /* offline or server restarting: keep what is shown */ });
  }

  times(document);
  setInterval(function () {
    times(document);
    if (!document.hidden && Date.now() - last >= REFRESH_MS) { refresh(); }
  }, 15000);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && Date.now() - last >= REFRESH_MS) { refresh(); }
  });

  var input = document.querySelector('input[data-filter]');
  if (input) {
    var filter = function () {
      var list = document.querySelector(input.getAttribute('data-filter'));
      var none = document.querySelector('[data-filter-none]');
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      list.querySelectorAll('[data-name]').forEach(function (item) {
        var match = q === '' || item.getAttribute('data-name').indexOf(q) !== -1;
        item.hidden = !match;
        if (match) { shown++; }
      });
      if (none) { none.hidden = shown > 0; }
    };
    input.addEventListener('input', filter);
    filter();
  }
})();
