// Yanxiu pages: session-timeout warning, live run progress, charts, select-all. No inline scripts (CSP).
(function () {
  'use strict';

  // Warn two minutes before the session expires; "继续使用" keeps it alive.
  var meta = document.querySelector('meta[name="yanxiu-session-seconds"]');
  var warning = document.getElementById('session-warning');
  if (meta && warning) {
    var seconds = parseInt(meta.content, 10);
    var timer;
    var arm = function () {
      clearTimeout(timer);
      warning.style.display = 'none';
      timer = setTimeout(function () { warning.style.display = 'block'; }, Math.max(10, seconds - 120) * 1000);
    };
    arm();
    var keep = document.getElementById('session-keep');
    if (keep) {
      keep.addEventListener('click', function () {
        fetch('/session/keepalive', {credentials: 'same-origin'}).then(function (r) {
          if (r.ok) { arm(); } else { window.location = '/login'; }
        });
      });
    }
  }

  // "What would raise my grade" runs the rules again on the server: asked for when the teacher opens it.
  var raise = document.querySelector('[data-raise]');
  if (raise) {
    raise.addEventListener('toggle', function () {
      if (!raise.open || raise.getAttribute('data-asked')) { return; }
      raise.setAttribute('data-asked', '1');
      var out = document.getElementById('my-raise');
      fetch(raise.getAttribute('data-raise'), {credentials: 'same-origin'}).then(function (r) {
        if (r.status === 204) { return '您已是最高一级，或没有可补做的内容。'; }
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.text();
      }).then(function (t) {
        out.textContent = t;
        out.className = '';
      }).catch(function () {
        out.textContent = '暂时无法推算，请稍后再打开。';
      });
    });
  }

  // A running evaluation or import: poll its progress every second, reload when it ends.
  var live = document.querySelector('[data-run-progress]');
  if (live) {
    var bar = live.querySelector('.progress > div');
    var text = live.querySelector('.progress-text');
    var poll = function () {
      fetch(live.getAttribute('data-run-progress'), {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (p) {
        var pct = p.total > 0 ? Math.floor(p.done * 100 / p.total) : 0;
        bar.style.width = pct + '%';
        text.textContent = p.text || ('已评价 ' + p.done + ' / ' + p.total + ' 位教师（' + pct + '%）· 状态：' + p.statusLabel);
        if (p.status === 'RUNNING') { setTimeout(poll, 1000); } else { window.location.reload(); }
      });
    };
    poll();
  }

  // Charts: each <div class="chart" data-chart="id"> draws the ECharts option in <script type="application/json" id="id">.
  if (window.echarts) {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var option = JSON.parse(document.getElementById(el.getAttribute('data-chart')).textContent);
      window.echarts.init(el).setOption(option);
      el.setAttribute('data-drawn', 'true');
    });
  }

  // "全选" checkboxes.
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    all.addEventListener('change', function () {
      document.querySelectorAll('input[name="' + all.getAttribute('data-select-all') + '"]').forEach(function (box) { box.checked = all.checked; });
    });
  });

  // Long work (importing, checking a rule set, creating accounts): say so while the server works.
  document.querySelectorAll('form[data-busy]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var note = document.createElement('p');
      note.className = 'notice warn busy';
      note.textContent = form.getAttribute('data-busy');
      form.appendChild(note);
      setTimeout(function () { form.querySelectorAll('button').forEach(function (b) { b.disabled = true; }); }, 0);
    });
  });

  // Confirmation on destructive buttons.
  document.querySelectorAll('[data-confirm]').forEach(function (b) {
    b.addEventListener('click', function (e) { if (!window.confirm(b.getAttribute('data-confirm'))) { e.preventDefault(); } });
  });
})();
