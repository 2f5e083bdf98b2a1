// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  var input = document.querySelector('input[data-filter]');
  if (input) {
    var list = document.querySelector(input.getAttribute('data-filter'));
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      list.querySelectorAll('[data-name]').forEach(function (item) {
        item.hidden = q !== '' && item.getAttribute('data-name').indexOf(q) === -1;
      });
    });
  }
})();
