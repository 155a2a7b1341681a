// Webcare UI behaviour: CSRF for htmx, live indicator, keyboard navigation. No inline scripts (CSP: script-src 'self').
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });

  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute('data-submit-on-change')) {
      if (event.target.name === 'brand' && form.elements.channel) {
        form.elements.channel.value = '';
      }
      form.submit();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    if (window.htmx) {
      // 422 carries a validation message that must be shown, other errors must not replace content.
      htmx.config.responseHandling = [
        { code: '204', swap: false },
        { code: '[23]..', swap: true },
        { code: '422', swap: true, error: false },
        { code: '[45]..', swap: false, error: true }
      ];
    }
  });

  function setLive(connected) {
    var indicator = document.getElementById('live-indicator');
    if (indicator) {
      indicator.classList.toggle('connected', connected);
    }
  }
  document.addEventListener('htmx:sseOpen', function () { setLive(true); });
  document.addEventListener('htmx:sseError', function () { setLive(false); });
  document.addEventListener('htmx:sseClose', function () { setLive(false); });

  document.addEventListener('reply-sent', function () {
    var text = document.getElementById('reply-text');
    if (text) {
      text.value = '';
    }
    var error = document.getElementById('composer-error');
    if (error) {
      error.textContent = '';
    }
    var findings = document.getElementById('composer-findings');
    if (findings) {
      findings.textContent = '';
    }
  });

  function postLinks() {
    return Array.prototype.slice.call(document.querySelectorAll('#post-list .post-item > a'));
  }

  function markSelected(link) {
    postLinks().forEach(function (a) {
      a.parentElement.classList.toggle('selected', a === link);
      if (a === link) {
        a.setAttribute('aria-current', 'true');
      } else {
        a.removeAttribute('aria-current');
      }
    });
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('#post-list .post-item > a');
    if (link) {
      markSelected(link);
    }
  });

  // After the list is refreshed live, keep the open thread's post highlighted.
  document.addEventListener('htmx:afterSwap', function () {
    var thread = document.querySelector('[data-thread-id]');
    if (!thread) {
      return;
    }
    var current = new URLSearchParams(window.location.search).get('post');
    postLinks().forEach(function (a) {
      var li = a.parentElement;
      li.classList.toggle('selected', current !== null && li.getAttribute('data-post-id') === current);
    });
  });

  function typing(target) {
    return target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.id === 'reply-text') {
      event.preventDefault();
      event.target.form.requestSubmit();
      return;
    }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var links = postLinks();
    var index = links.indexOf(document.activeElement);
    if (event.key === 'j' || event.key === 'k') {
      if (links.length === 0) {
        return;
      }
      event.preventDefault();
      var next = event.key === 'j' ? Math.min(links.length - 1, index + 1) : Math.max(0, index < 0 ? 0 : index - 1);
      links[next].focus();
    } else if (event.key === 'r') {
      var text = document.getElementById('reply-text');
      if (text) {
        event.preventDefault();
        text.focus();
      }
    } else if (event.key === 'Escape') {
      if (index < 0 && links.length > 0) {
        links[0].focus();
      }
    }
  });
})();

// Reply templates in the composer: '/' or 't' opens the search, arrow keys move, Enter inserts, Escape closes.
(function () {
  'use strict';

  function search() { return document.getElementById('template-search'); }
  function results() { return document.getElementById('template-results'); }
  function options() {
    var list = results();
    return list ? Array.prototype.slice.call(list.querySelectorAll('.template-option')) : [];
  }

  function setOpen(open) {
    var input = search();
    var list = results();
    if (!input || !list) {
      return;
    }
    if (!open) {
      list.innerHTML = '';
    }
    list.classList.toggle('open', open);
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function activate(option) {
    options().forEach(function (o) { o.setAttribute('aria-selected', o === option ? 'true' : 'false'); });
    var input = search();
    if (input && option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  }

  function active() {
    return options().filter(function (o) { return o.getAttribute('aria-selected') === 'true'; })[0] || options()[0];
  }

  function insert(text) {
    var area = document.getElementById('reply-text');
    if (!area) {
      return;
    }
    var start = area.selectionStart || 0;
    var end = area.selectionEnd || 0;
    var before = area.value.substring(0, start);
    var after = area.value.substring(end);
    var separator = before && !/\s$/.test(before) ? ' ' : '';
    area.value = before + separator + text + after;
    var caret = (before + separator + text).length;
    area.focus();
    area.setSelectionRange(caret, caret);
  }

  function choose(option) {
    if (!option) {
      return;
    }
    var url = option.getAttribute('data-text-url');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/plain' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (text) {
        var input = search();
        if (input) {
          input.value = '';
        }
        setOpen(false);
        insert(text);
      })
      .catch(function () { /* the template was removed meanwhile: leave the composer as it is */ });
  }

  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target && event.detail.target.id === 'template-results') {
      setOpen(true);
      activate(options()[0]);
    }
  });

  document.addEventListener('click', function (event) {
    var option = event.target.closest && event.target.closest('#template-results .template-option');
    if (option) {
      event.preventDefault();
      choose(option);
    } else if (!(event.target.closest && event.target.closest('#template-picker'))) {
      setOpen(false);
    }
  });

  document.addEventListener('keydown', function (event) {
    var input = search();
    if (!input) {
      return;
    }
    if (event.target === input) {
      var list = options();
      var index = list.indexOf(active());
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (list.length > 0) {
          var next = event.key === 'ArrowDown' ? Math.min(list.length - 1, index + 1) : Math.max(0, index - 1);
          activate(list[next]);
        }
      } else if (event.key === 'Enter') {
        event.preventDefault();
        choose(active());
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        input.value = '';
        setOpen(false);
        var area = document.getElementById('reply-text');
        if (area) {
          area.focus();
        }
      }
      return;
    }
    var target = event.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === '/' || event.key === 't')) {
      event.preventDefault();
      input.focus();
    }
  });
})();

// The case composer: characters left on the channel, the switch to private, and sending after a colleague replied.
(function () {
  'use strict';

  function updateCount(area) {
    var count = document.getElementById('reply-count');
    if (!count || !area) {
      return;
    }
    // Platforms count characters, not UTF-16 units: an emoji is one.
    var length = Array.from(area.value).length;
    var max = parseInt(count.getAttribute('data-max') || '0', 10);
    count.textContent = max > 0 ? length + ' / ' + max : String(length);
    count.classList.toggle('over', max > 0 && length > max);
  }

  document.addEventListener('input', function (event) {
    if (event.target.id === 'reply-text') {
      updateCount(event.target);
    }
  });
  document.addEventListener('htmx:afterSwap', function () {
    updateCount(document.getElementById('reply-text'));
  });

  document.addEventListener('click', function (event) {
    var switcher = event.target.closest && event.target.closest('[data-switch-private]');
    if (switcher) {
      var priv = document.querySelector('#composer input[name="visibility"][value="private"]');
      if (priv) {
        priv.checked = true;
        priv.dispatchEvent(new Event('change', { bubbles: true }));
      }
      return;
    }
    var confirm = event.target.closest && event.target.closest('[data-confirm-send]');
    if (confirm) {
      var form = document.getElementById('composer');
      var flag = document.getElementById('confirm-send');
      if (form && flag) {
        flag.value = 'true';
        form.requestSubmit();
      }
    }
  });
})();

// Presence on a case: an element with data-presence-url (cases/presence :: panel) reports every 10 s through htmx;
// this adds typing=true|false to each report, and reports at once when the agent starts or stops typing in any text
// area of the page, so colleagues see "… is typing" without waiting for the next tick.
(function () {
  'use strict';

  var STOPPED_AFTER_MS = 4000;
  var typing = false;
  var idle = null;

  function panel() { return document.querySelector('[data-presence-url]'); }

  function setTyping(now) {
    if (typing === now) {
      return;
    }
    typing = now;
    var element = panel();
    if (element && window.htmx) {
      htmx.trigger(element, 'presence-report');
    }
  }

  document.addEventListener('input', function (event) {
    if (!panel() || !event.target || event.target.tagName !== 'TEXTAREA') {
      return;
    }
    setTyping(true);
    clearTimeout(idle);
    idle = setTimeout(function () { setTyping(false); }, STOPPED_AFTER_MS);
  });

  document.addEventListener('submit', function () {
    clearTimeout(idle);
    setTyping(false);
  });

  document.addEventListener('htmx:configRequest', function (event) {
    var element = event.detail.elt;
    if (element && element.hasAttribute && element.hasAttribute('data-presence-url')) {
      event.detail.parameters.typing = typing ? 'true' : 'false';
    }
  });
})();
