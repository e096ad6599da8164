// Refreshes the computed level and score while a reporter types. The page works without
// it: the "คำนวณ" button posts the form and the server renders the same preview.
(function () {
  var form = document.querySelector('form.report-form[data-preview]');
  var box = document.getElementById('preview');
  if (!form || !box || !window.fetch) return;
  var timer = null;
  function refresh() {
    var body = new URLSearchParams(new FormData(form));
    fetch(form.dataset.preview, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return;
        ['level', 'points', 'weighted', 'rule', 'explanation'].forEach(function (k) {
          var el = box.querySelector('[data-k="' + k + '"]');
          if (el) el.textContent = p[k];  // textContent: never parsed as HTML
        });
        var badge = box.querySelector('.score');
        if (badge) badge.className = 'score ' + p.band;
      })
      .catch(function () {});
  }
  ['value', 'claimedLevel'].forEach(function (name) {
    var input = form.elements[name];
    if (input) input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
  });
})();
