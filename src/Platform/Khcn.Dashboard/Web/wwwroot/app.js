// The Khcn dashboard page: vanilla JS, no build step, served with a strict CSP (no inline script or style markup).
// Every piece of telemetry reaches the DOM through text nodes (textContent / append(string)), never as markup.
'use strict';

(() => {
  const POLL_MS = 2000;
  const LEVELS = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];
  const PALETTE = [
    // Red is left out: it means error.
    '#1f6fb4', '#d9661a', '#23883a', '#8e44ad', '#13808f',
    '#c2185b', '#8c564b', '#3f51b5', '#546e7a', '#b07d00',
  ];
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // ---------------------------------------------------------------------------------------------------------------
  // DOM helpers

  function setProps(node, props) {
    if (!props) return;
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'dataset') {
        for (const [name, data] of Object.entries(value)) node.dataset[name] = String(data);
      } else if (key === 'style') {
        // CSSOM assignments are allowed under style-src 'self'; style="" markup would not be.
        Object.assign(node.style, value);
      } else if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }

  function appendChildren(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : text(child));
    }
    return node;
  }

  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    setProps(node, props);
    return appendChildren(node, children);
  }

  /** Replaces a node's children; like h(), arrays flatten, null/false vanish and strings become text nodes. */
  function replace(node, ...children) {
    node.replaceChildren();
    return appendChildren(node, children);
  }

  function add(node, ...children) {
    return appendChildren(node, children);
  }

  function svg(tag, props, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setProps(node, props);
    return appendChildren(node, children);
  }

  // Telemetry may arrive decomposed (NFD); the page shows Vietnamese in its composed form so it renders and searches
  // the same way as the text people type.
  function text(value) {
    return String(value).normalize('NFC');
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function hashLink(path, params) {
    const query = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString() : '';
    return '#' + path + (query ? '?' + query : '');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Formatting

  const pad = (value, width = 2) => String(value).padStart(width, '0');

  function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  }

  function formatDateTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatTime(iso)}`;
  }

  function formatDuration(ms) {
    if (!Number.isFinite(ms)) return '';
    if (ms === 0) return '0 ms';
    if (ms < 1) return `${Math.round(ms * 1000)} µs`;
    if (ms < 10) return `${ms.toFixed(2)} ms`;
    if (ms < 1000) return `${ms.toFixed(1)} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(2)} s`;
    return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
  }

  function formatNumber(value) {
    if (!Number.isFinite(value)) return '';
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return value.toExponential(2);
    return Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 3 });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Service colours: one per service, stable for the page's life; the hash makes them stable across reloads too
  // unless two services collide, when the later one takes the next free colour.

  const serviceColours = new Map();

  function serviceColour(service) {
    let colour = serviceColours.get(service);
    if (colour) return colour;
    let hash = 0;
    for (const char of service) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
    const used = new Set(serviceColours.values());
    let index = hash % PALETTE.length;
    for (let probe = 0; probe < PALETTE.length && used.has(PALETTE[index]); probe++) index = (index + 1) % PALETTE.length;
    colour = PALETTE[index];
    serviceColours.set(service, colour);
    return colour;
  }

  function serviceChip(service) {
    return h('span', { class: 'chip', dataset: { service }, style: { backgroundColor: serviceColour(service) } }, service || '(unknown)');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // API

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** Fetches JSON; returns the parsed body and its raw text (views skip re-rendering when the text did not change). */
  async function getJson(path, signal) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, signal, cache: 'no-store' });
    const raw = await response.text();
    if (!response.ok) {
      let detail = '';
      try {
        const body = JSON.parse(raw);
        if (body && body.error) detail = `: ${body.error}${body.field ? ` (${body.field})` : ''}`;
      } catch {
        // Not JSON: the status says enough.
      }
      throw new ApiError(response.status, `${path} answered ${response.status}${detail}`);
    }
    return { data: JSON.parse(raw), raw };
  }

  function apiPath(path, params) {
    const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== '' && v != null)).toString();
    return path + (query ? '?' + query : '');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Routing and polling: only the view on screen polls, every POLL_MS, one request round at a time.

  function parseRoute() {
    const raw = location.hash.replace(/^#/, '') || '/resources';
    const queryAt = raw.indexOf('?');
    const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
    const query = queryAt < 0 ? '' : raw.slice(queryAt + 1);
    const segments = path.split('/').filter(Boolean).map(segment => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
    return { view: segments[0] || 'resources', segments, params: new URLSearchParams(query) };
  }

  const app = {
    view: null,
    timer: 0,
    inFlight: null,

    mount() {
      clearTimeout(this.timer);
      if (this.inFlight) this.inFlight.abort();
      if (this.view && this.view.dispose) this.view.dispose();
      const route = parseRoute();
      const root = document.getElementById('view');
      root.replaceChildren();
      for (const link of document.querySelectorAll('#nav a')) {
        link.classList.toggle('active', link.dataset.view === route.view);
      }
      const factory = VIEWS[route.view] || VIEWS.resources;
      this.view = factory(route, root);
      this.refreshNow();
    },

    /** Runs the visible view's refresh now (after a filter change), then resumes the 2 s rhythm. */
    refreshNow() {
      clearTimeout(this.timer);
      if (this.inFlight) this.inFlight.abort();
      const view = this.view;
      const controller = new AbortController();
      this.inFlight = controller;
      const schedule = () => {
        if (this.inFlight === controller) {
          this.inFlight = null;
          this.timer = setTimeout(() => this.refreshNow(), POLL_MS);
        }
      };
      if (document.hidden) {
        schedule();
        return;
      }
      view.refresh(controller.signal).then(
        () => {
          if (this.view !== view || controller.signal.aborted) return;
          showError(null);
          const stamp = document.getElementById('last-refresh');
          const now = new Date();
          stamp.textContent = formatTime(now.toISOString()).slice(0, 8);
          stamp.dateTime = now.toISOString();
        },
        error => {
          if (this.view !== view || controller.signal.aborted || error.name === 'AbortError') return;
          showError(error instanceof ApiError ? error.message : `Cannot reach the dashboard: ${error.message}`);
        },
      ).finally(schedule);
    },
  };

  function showError(message) {
    const banner = document.getElementById('error-banner');
    banner.hidden = !message;
    banner.textContent = message || '';
  }

  /** Replaces the hash without a hashchange: filters update the link without rebuilding the view (and its focus). */
  function replaceHash(path, params) {
    history.replaceState(null, '', hashLink(path, params));
  }

  function debounce(action, ms) {
    let timer = 0;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => action(...args), ms);
    };
  }

  /** Calls render(data) only when the response differs from the previous one: no flicker, selection survives. */
  function changeTracker() {
    let last = null;
    return raw => {
      if (raw === last) return false;
      last = raw;
      return true;
    };
  }

  /** Sets the options, keeping the selected value even when it is not among them; leaves an unchanged list alone. */
  function fillSelect(select, values, selected, emptyLabel) {
    const wanted = [...new Set([...(selected ? [selected] : []), ...values])];
    const current = [...select.options].map(option => option.value);
    const next = ['', ...wanted];
    if (current.length === next.length && current.every((value, i) => value === next[i])) return;
    replace(select,
      h('option', { value: '' }, emptyLabel),
      wanted.map(value => h('option', { value }, value)),
    );
    select.value = selected || '';
  }

  function emptyRow(columns, message) {
    return h('tr', { class: 'empty' }, h('td', { colspan: columns }, message));
  }

  function attributeTable(attributes) {
    const entries = Object.entries(attributes || {}).sort(([a], [b]) => a.localeCompare(b));
    if (!entries.length) return h('p', { class: 'muted' }, 'No attributes.');
    return h('table', { class: 'kv' }, h('tbody', null, entries.map(([key, value]) =>
      h('tr', null, h('th', null, key), h('td', null, value)))));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Resources

  function resourcesView(route, root) {
    const body = h('tbody', { id: 'resources-body' });
    add(root,
      h('h1', null, 'Resources'),
      h('table', { class: 'grid', id: 'resources' },
        h('thead', null, h('tr', null, ['Name', 'Type', 'State', 'Endpoints', 'PID', 'Restarts', 'Started', 'Console']
          .map(title => h('th', null, title)))),
        body));
    const changed = changeTracker();

    function row(resource) {
      const endpoints = (resource.endpoints || []).map(url => {
        const href = safeHref(url);
        return href
          ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, url)
          : h('span', null, url);
      });
      const consoleLink = hashLink('/console/' + encodeURIComponent(resource.name));
      return h('tr', { class: 'resource-row', dataset: { resource: resource.name, state: resource.state } },
        h('td', null, h('a', { href: consoleLink, class: 'strong' }, resource.name)),
        h('td', null, resource.type),
        h('td', null, h('span', { class: `badge state-${String(resource.state).toLowerCase()}` }, resource.state)),
        h('td', { class: 'endpoints' }, endpoints.length ? endpoints : h('span', { class: 'muted' }, '—')),
        h('td', { class: 'num' }, resource.processId ?? '—'),
        h('td', { class: 'num' }, resource.restarts),
        h('td', null, resource.startedAt ? formatDateTime(resource.startedAt) : '—'),
        h('td', null, h('a', { href: consoleLink }, 'View logs')));
    }

    return {
      async refresh(signal) {
        const { data, raw } = await getJson('/api/resources', signal);
        if (!changed(raw)) return;
        replace(body, ...(data.length ? data.map(row) : [emptyRow(8, 'The AppHost runs no resources.')]));
        root.querySelector('#resources').dataset.resourceCount = String(data.length);
      },
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Console logs

  const MAX_CONSOLE_LINES = 5000;
  // Colour and cursor escapes of a terminal: the page shows plain text.
  const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

  function consoleView(route, root) {
    const name = route.segments[1] || '';
    const picker = h('select', { id: 'console-resource', 'aria-label': 'Resource' });
    picker.addEventListener('change', () => {
      location.hash = picker.value ? hashLink('/console/' + encodeURIComponent(picker.value)) : '#/console';
    });
    const output = h('div', { class: 'console', id: 'console-output', dataset: { resource: name, lineCount: 0 } });
    const status = h('p', { class: 'muted' });
    add(root,
      h('div', { class: 'toolbar' }, h('h1', null, 'Console'), h('label', null, 'Resource ', picker)),
      status,
      output);
    let after = 0;
    let lineCount = 0;

    function appendLines(lines) {
      if (!lines.length) return;
      const stickToBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 8;
      const fragment = document.createDocumentFragment();
      for (const line of lines) {
        add(fragment, h('div', { class: 'console-line', dataset: { sequence: line.sequence } },
          h('span', { class: 'console-time' }, formatTime(line.timestamp)),
          h('span', { class: 'console-text' }, String(line.text).replace(ANSI_ESCAPE, ''))));
        after = Math.max(after, line.sequence);
      }
      add(output, fragment);
      lineCount += lines.length;
      while (lineCount > MAX_CONSOLE_LINES && output.firstChild) {
        output.firstChild.remove();
        lineCount--;
      }
      output.dataset.lineCount = String(lineCount);
      if (stickToBottom) output.scrollTop = output.scrollHeight;
    }

    return {
      async refresh(signal) {
        const { data: resources } = await getJson('/api/resources', signal);
        fillSelect(picker, resources.map(resource => resource.name), name, '— pick a resource —');
        if (!name) {
          status.textContent = 'Pick a resource to follow its console output.';
          return;
        }
        try {
          const { data } = await getJson(`/api/resources/${encodeURIComponent(name)}/console?after=${after}`, signal);
          status.textContent = lineCount || data.lines.length ? '' : 'No output yet.';
          appendLines(data.lines);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404)) throw error;
          status.textContent = `There is no resource named “${name}”.`;
        }
      },
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Structured logs

  function logsView(route, root) {
    const filters = {
      service: route.params.get('service') || '',
      level: route.params.get('level') || '',
      traceId: route.params.get('traceId') || '',
      search: route.params.get('search') || '',
    };
    const serviceSelect = h('select', { id: 'logs-service', 'aria-label': 'Service' });
    const levelSelect = h('select', { id: 'logs-level', 'aria-label': 'Minimum level' },
      h('option', { value: '' }, 'Any level'),
      LEVELS.map(level => h('option', { value: level }, `${level} and above`)));
    levelSelect.value = LEVELS.includes(filters.level) ? filters.level : '';
    const traceInput = h('input', { id: 'logs-trace', type: 'search', placeholder: 'Trace id', value: filters.traceId, spellcheck: 'false' });
    const searchInput = h('input', { id: 'logs-search', type: 'search', placeholder: 'Search messages', value: filters.search });
    const body = h('tbody', { id: 'logs-body' });
    const table = h('table', { class: 'grid logs', id: 'logs', dataset: { logCount: '' } },
      h('thead', null, h('tr', null, ['Time', 'Service', 'Level', 'Category', 'Message', 'Trace'].map(title => h('th', null, title)))),
      body);
    add(root,
      h('div', { class: 'toolbar' },
        h('h1', null, 'Structured logs'),
        h('div', { class: 'filters' }, serviceSelect, levelSelect, traceInput, searchInput)),
      table);
    const expanded = new Set();
    const changedLogs = changeTracker();
    let lastLogs = [];

    const applyFilters = () => {
      filters.service = serviceSelect.value;
      filters.level = levelSelect.value;
      filters.traceId = traceInput.value.trim().toLowerCase();
      filters.search = searchInput.value.trim();
      replaceHash('/logs', filters);
      app.refreshNow();
    };
    serviceSelect.addEventListener('change', applyFilters);
    levelSelect.addEventListener('change', applyFilters);
    const typed = debounce(applyFilters, 300);
    traceInput.addEventListener('input', typed);
    searchInput.addEventListener('input', typed);

    function rows(log) {
      const key = String(log.sequence);
      const traceCell = log.traceId
        ? h('a', { href: hashLink('/traces/' + encodeURIComponent(log.traceId)), class: 'mono', title: log.traceId }, log.traceId.slice(0, 8))
        : h('span', { class: 'muted' }, '—');
      const row = h('tr', { class: 'log-row clickable', dataset: { traceId: log.traceId || '', level: log.level, sequence: key } },
        h('td', { class: 'nowrap', title: formatDateTime(log.timestamp) }, formatTime(log.timestamp)),
        h('td', null, serviceChip(log.service)),
        h('td', null, h('span', { class: `level level-${String(log.level).toLowerCase()}` }, log.level)),
        h('td', { class: 'category' }, log.category),
        h('td', { class: 'message' }, log.message),
        h('td', null, traceCell));
      row.addEventListener('click', event => {
        if (event.target.closest('a')) return;
        if (expanded.has(key)) expanded.delete(key); else expanded.add(key);
        render(lastLogs);
      });
      if (!expanded.has(key)) return [row];
      const details = h('tr', { class: 'log-details' }, h('td', { colspan: 6 },
        log.spanId ? h('p', null, 'Span ', h('span', { class: 'mono' }, log.spanId)) : null,
        attributeTable(log.attributes)));
      return [row, details];
    }

    function render(logs) {
      lastLogs = logs;
      replace(body, ...(logs.length ? logs.flatMap(rows) : [emptyRow(6, 'No logs match these filters.')]));
      table.dataset.logCount = String(logs.length);
    }

    return {
      async refresh(signal) {
        const [services, logs] = await Promise.all([
          getJson('/api/services', signal),
          getJson(apiPath('/api/logs', { ...filters, limit: 500 }), signal),
        ]);
        fillSelect(serviceSelect, services.data, filters.service, 'All services');
        if (changedLogs(logs.raw)) render(logs.data);
      },
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Traces

  function tracesView(route, root) {
    const filters = {
      service: route.params.get('service') || '',
      search: route.params.get('search') || '',
    };
    const serviceSelect = h('select', { id: 'traces-service', 'aria-label': 'Service' });
    const searchInput = h('input', { id: 'traces-search', type: 'search', placeholder: 'Search span names', value: filters.search });
    const body = h('tbody', { id: 'traces-body' });
    const table = h('table', { class: 'grid', id: 'traces', dataset: { traceCount: '' } },
      h('thead', null, h('tr', null, ['Time', 'Name', 'Services', 'Spans', 'Duration', ''].map(title => h('th', null, title)))),
      body);
    add(root,
      h('div', { class: 'toolbar' }, h('h1', null, 'Traces'), h('div', { class: 'filters' }, serviceSelect, searchInput)),
      table);
    const changedTraces = changeTracker();

    const applyFilters = () => {
      filters.service = serviceSelect.value;
      filters.search = searchInput.value.trim();
      replaceHash('/traces', filters);
      app.refreshNow();
    };
    serviceSelect.addEventListener('change', applyFilters);
    searchInput.addEventListener('input', debounce(applyFilters, 300));

    function row(trace, longest) {
      const link = hashLink('/traces/' + encodeURIComponent(trace.traceId));
      const share = longest > 0 ? Math.max(1, (trace.durationMs / longest) * 100) : 0;
      const tr = h('tr', { class: 'trace-row clickable', dataset: { traceId: trace.traceId, hasError: trace.hasError } },
        h('td', { class: 'nowrap', title: formatDateTime(trace.startTime) }, formatTime(trace.startTime)),
        h('td', null, h('a', { href: link, class: 'strong' }, trace.rootName || '(no root span)'),
          h('div', { class: 'mono muted small' }, trace.traceId)),
        h('td', null, h('span', { class: 'chips' }, (trace.services || []).map(serviceChip))),
        h('td', { class: 'num' }, trace.spanCount),
        h('td', { class: 'duration-cell' },
          h('span', { class: 'mini-bar', style: { width: `${share}%` } }),
          h('span', { class: 'num' }, formatDuration(trace.durationMs))),
        h('td', null, trace.hasError ? h('span', { class: 'error-mark', title: 'A span failed' }, '⚠ error') : null));
      tr.addEventListener('click', event => {
        if (!event.target.closest('a')) location.hash = link;
      });
      return tr;
    }

    return {
      async refresh(signal) {
        const [services, traces] = await Promise.all([
          getJson('/api/services', signal),
          getJson(apiPath('/api/traces', { ...filters, limit: 200 }), signal),
        ]);
        fillSelect(serviceSelect, services.data, filters.service, 'All services');
        if (!changedTraces(traces.raw)) return;
        const longest = Math.max(0, ...traces.data.map(trace => trace.durationMs));
        replace(body, ...(traces.data.length
          ? traces.data.map(trace => row(trace, longest))
          : [emptyRow(6, 'No traces yet.')]));
        table.dataset.traceCount = String(traces.data.length);
      },
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Trace detail: the waterfall

  /** Orders spans depth-first: each child right under its parent, siblings by start. Orphans become roots. */
  function waterfallOrder(spans) {
    const byId = new Map(spans.map(span => [span.spanId, span]));
    const children = new Map();
    const roots = [];
    for (const span of spans) {
      const parent = span.parentSpanId;
      if (parent && parent !== span.spanId && byId.has(parent)) {
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(span);
      } else {
        roots.push(span);
      }
    }
    const byStart = (a, b) => a.startOffsetMs - b.startOffsetMs || String(a.startTime).localeCompare(String(b.startTime));
    const ordered = [];
    const seen = new Set();
    // Iterative so a deep (or, from a broken exporter, cyclic) parent chain cannot overflow the stack.
    const visit = (root) => {
      const stack = [{ span: root, depth: 0 }];
      while (stack.length) {
        const { span, depth } = stack.pop();
        if (seen.has(span.spanId)) continue;
        seen.add(span.spanId);
        ordered.push({ span, depth });
        const kids = (children.get(span.spanId) || []).slice().sort(byStart);
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i], depth: depth + 1 });
      }
    };
    roots.sort(byStart).forEach(visit);
    spans.filter(span => !seen.has(span.spanId)).sort(byStart).forEach(visit);
    return ordered;
  }

  function traceDetailView(route, root) {
    const traceId = route.segments[1];
    const logsLink = hashLink('/logs', { traceId });
    const summary = h('div', { class: 'trace-summary' });
    const waterfall = h('div', { class: 'waterfall', role: 'tree' });
    const panel = h('aside', { class: 'span-panel', id: 'span-panel', hidden: true });
    const detail = h('section', { id: 'trace-detail', class: 'trace-detail' }, h('div', { class: 'waterfall-wrap' }, waterfall), panel);
    add(root,
      h('div', { class: 'toolbar' },
        h('h1', null, h('a', { href: '#/traces', class: 'back' }, 'Traces'), ' / ', h('span', { class: 'mono' }, traceId)),
        h('a', { href: logsLink, id: 'trace-logs-link', class: 'button' }, 'Logs of this trace')),
      summary,
      detail);
    const changed = changeTracker();
    let selectedSpanId = '';
    let current = null;

    function ticks(durationMs) {
      return h('div', { class: 'waterfall-row waterfall-head' },
        h('div', { class: 'span-label' }, 'Span'),
        h('div', { class: 'span-timeline' }, [0, 0.25, 0.5, 0.75, 1].map(share =>
          h('span', { class: 'tick', style: share === 1 ? { right: '0' } : { left: `${share * 100}%` } }, formatDuration(durationMs * share)))));
    }

    function spanRow({ span, depth }, durationMs) {
      const total = durationMs > 0 ? durationMs : 1;
      const left = Math.min(100, Math.max(0, (span.startOffsetMs / total) * 100));
      const width = Math.min(100 - left, Math.max(0, (span.durationMs / total) * 100));
      const isError = span.status === 'error';
      const label = h('span', { class: 'bar-label' }, formatDuration(span.durationMs));
      // The label follows the bar; near the right edge it goes inside a wide bar, or before a narrow one, so it
      // stays within the timeline.
      if (left + width <= 80) {
        Object.assign(label.style, { left: `calc(${left + width}% + 4px)` });
      } else if (width >= 12) {
        label.classList.add('inside');
        Object.assign(label.style, { right: `calc(${100 - left - width}% + 6px)` });
      } else {
        Object.assign(label.style, { right: `calc(${100 - left}% + 4px)` });
      }
      const row = h('div', {
        class: `waterfall-row span-row${isError ? ' span-error' : ''}${span.spanId === selectedSpanId ? ' selected' : ''}`,
        role: 'treeitem',
        tabindex: 0,
        'aria-level': depth + 1,
        dataset: { spanId: span.spanId, parentSpanId: span.parentSpanId || '', service: span.service, depth },
      },
      h('div', { class: 'span-label', style: { paddingLeft: `${8 + depth * 16}px` } },
        serviceChip(span.service),
        h('span', { class: 'span-name', title: span.name }, span.name),
        isError ? h('span', { class: 'error-mark', title: span.statusMessage || 'error' }, '⚠') : null),
      h('div', { class: 'span-timeline' },
        h('span', { class: 'bar', style: { left: `${left}%`, width: `max(${width}%, 2px)`, backgroundColor: isError ? '' : serviceColour(span.service) } }),
        label));
      const select = () => {
        selectedSpanId = selectedSpanId === span.spanId ? '' : span.spanId;
        renderTrace(current);
      };
      row.addEventListener('click', select);
      row.addEventListener('keydown', event => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          select();
        }
      });
      return row;
    }

    function renderPanel(span) {
      if (!span) {
        panel.hidden = true;
        panel.replaceChildren();
        delete panel.dataset.spanId;
        return;
      }
      panel.hidden = false;
      panel.dataset.spanId = span.spanId;
      const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
      close.addEventListener('click', () => {
        selectedSpanId = '';
        renderTrace(current);
      });
      const fields = [
        ['Service', serviceChip(span.service)],
        ['Kind', span.kind],
        ['Status', span.status + (span.statusMessage ? ` — ${span.statusMessage}` : '')],
        ['Scope', span.scope],
        ['Start', formatDateTime(span.startTime)],
        ['Offset', formatDuration(span.startOffsetMs)],
        ['Duration', formatDuration(span.durationMs)],
        ['Span id', h('span', { class: 'mono' }, span.spanId)],
        ['Parent', span.parentSpanId ? h('span', { class: 'mono' }, span.parentSpanId) : '—'],
      ];
      const spanStart = Date.parse(span.startTime);
      const events = span.events || [];
      replace(panel,
        h('div', { class: 'panel-head' }, h('h2', null, span.name), close),
        h('table', { class: 'kv' }, h('tbody', null, fields.map(([key, value]) => h('tr', null, h('th', null, key), h('td', null, value))))),
        h('h3', null, 'Attributes'),
        attributeTable(span.attributes),
        h('h3', null, `Events (${events.length})`),
        events.length
          ? h('ol', { class: 'events' }, events.map(event => h('li', null,
            h('div', null, h('strong', null, event.name), ' ',
              h('span', { class: 'muted' }, `+${formatDuration(Math.max(0, Date.parse(event.time) - spanStart))}`)),
            Object.keys(event.attributes || {}).length ? attributeTable(event.attributes) : null)))
          : h('p', { class: 'muted' }, 'No events.'));
    }

    function renderTrace(trace) {
      const ordered = waterfallOrder(trace.spans);
      const services = [...new Set(trace.spans.map(span => span.service))];
      replace(summary,
        h('span', null, 'Started ', h('strong', null, formatDateTime(trace.startTime))),
        h('span', null, 'Duration ', h('strong', null, formatDuration(trace.durationMs))),
        h('span', null, h('strong', null, trace.spans.length), ' spans'),
        h('span', { class: 'chips' }, services.map(serviceChip)));
      replace(waterfall, ticks(trace.durationMs), ...ordered.map(entry => spanRow(entry, trace.durationMs)));
      renderPanel(trace.spans.find(span => span.spanId === selectedSpanId));
      detail.dataset.traceId = trace.traceId;
      detail.dataset.spanCount = String(trace.spans.length);
    }

    return {
      async refresh(signal) {
        try {
          const { data, raw } = await getJson(`/api/traces/${encodeURIComponent(traceId)}`, signal);
          if (!changed(raw)) return;
          current = data;
          renderTrace(data);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404)) throw error;
          replace(summary, h('p', { class: 'muted' }, 'This trace is not in the dashboard (yet, or any more: the store keeps the newest traces).'));
        }
      },
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Metrics

  function attributeLabel(attributes) {
    const entries = Object.entries(attributes || {}).sort(([a], [b]) => a.localeCompare(b));
    return entries.length ? entries.map(([key, value]) => `${key}=${value}`).join(', ') : '(no attributes)';
  }

  function displayUnit(unit) {
    // UCUM annotations such as {request} are labels, not units to print with braces.
    return String(unit || '').replace(/^\{(.*)\}$/, '$1');
  }

  function niceStep(range, count) {
    const rough = range / Math.max(1, count);
    const power = 10 ** Math.floor(Math.log10(rough));
    const scaled = rough / power;
    return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
  }

  const PERCENTILES = [['p50', 'P50', ''], ['p90', 'P90', '7 4'], ['p99', 'P99', '2 3']];

  function chartLines(set) {
    const lines = [];
    set.series.forEach((series, index) => {
      const colour = PALETTE[index % PALETTE.length];
      const label = attributeLabel(series.attributes);
      const at = point => Date.parse(point.time);
      if (set.type === 'histogram') {
        for (const [key, name, dash] of PERCENTILES) {
          lines.push({
            label: `${label} · ${name}`, colour, dash,
            points: series.points.filter(point => Number.isFinite(point[key])).map(point => ({ t: at(point), v: point[key] })),
          });
        }
      } else {
        lines.push({ label, colour, dash: '', points: series.points.filter(point => Number.isFinite(point.value)).map(point => ({ t: at(point), v: point.value })) });
      }
    });
    return lines;
  }

  function renderChart(set) {
    const width = 880;
    const height = 320;
    const margin = { left: 72, right: 20, top: 16, bottom: 44 };
    const lines = chartLines(set);
    const points = lines.flatMap(line => line.points);
    const unit = displayUnit(set.unit);
    const container = h('figure', {
      id: 'metric-chart', class: 'chart',
      dataset: { seriesCount: set.series.length, lineCount: lines.length, type: set.type, name: set.name },
    });
    if (!points.length) {
      add(container, h('p', { class: 'muted' }, 'No data points yet.'));
      return container;
    }
    let tMin = Math.min(...points.map(p => p.t));
    let tMax = Math.max(...points.map(p => p.t));
    if (tMax === tMin) {
      tMin -= 30000;
      tMax += 30000;
    }
    const vMinData = Math.min(...points.map(p => p.v));
    const vMaxData = Math.max(...points.map(p => p.v));
    const step = niceStep(Math.max(vMaxData, 0) - Math.min(vMinData, 0) || Math.abs(vMaxData) || 1, 5);
    const vMin = Math.min(0, Math.floor(vMinData / step) * step);
    const vMax = Math.max(vMin + step, Math.ceil(vMaxData / step) * step);
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const x = t => margin.left + ((t - tMin) / (tMax - tMin)) * plotWidth;
    const y = v => margin.top + plotHeight - ((v - vMin) / (vMax - vMin)) * plotHeight;

    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg', role: 'img', 'aria-label': `${set.name} over time` });
    for (let v = vMin; v <= vMax + step / 2; v += step) {
      add(chart,
        svg('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v), class: 'grid-line' }),
        svg('text', { x: margin.left - 6, y: y(v) + 4, class: 'axis-label', 'text-anchor': 'end' }, formatNumber(v)));
    }
    // Points a few seconds apart (a fresh run) need milliseconds to tell the ticks apart.
    const timeLabel = t => formatTime(new Date(t).toISOString()).slice(0, tMax - tMin < 20000 ? 12 : 8);
    for (let i = 0; i <= 4; i++) {
      const t = tMin + ((tMax - tMin) * i) / 4;
      add(chart, svg('text', {
        x: x(t), y: height - margin.bottom + 18, class: 'axis-label',
        'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle',
      }, timeLabel(t)));
    }
    add(chart,
      svg('line', { x1: margin.left, x2: margin.left, y1: margin.top, y2: margin.top + plotHeight, class: 'axis' }),
      svg('line', { x1: margin.left, x2: width - margin.right, y1: margin.top + plotHeight, y2: margin.top + plotHeight, class: 'axis' }),
      svg('text', { x: 14, y: margin.top + plotHeight / 2, class: 'axis-title', 'text-anchor': 'middle', transform: `rotate(-90 14 ${margin.top + plotHeight / 2})` },
        unit ? `${set.type === 'histogram' ? 'percentile' : 'value'} (${unit})` : set.type === 'histogram' ? 'percentile' : 'value'),
      svg('text', { x: margin.left + plotWidth / 2, y: height - 6, class: 'axis-title', 'text-anchor': 'middle' }, 'time'));
    for (const line of lines) {
      const group = svg('g', { class: 'series' });
      if (line.points.length > 1) {
        add(group, svg('polyline', {
          points: line.points.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' '),
          fill: 'none', stroke: line.colour, 'stroke-width': 2, 'stroke-dasharray': line.dash || null,
        }));
      }
      for (const p of line.points) {
        add(group, svg('circle', { cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 3, fill: line.colour },
          svg('title', null, `${line.label}: ${formatNumber(p.v)}${unit ? ' ' + unit : ''} at ${formatTime(new Date(p.t).toISOString())}`)));
      }
      add(chart, group);
    }
    const legend = h('ul', { class: 'legend' }, set.series.map((series, index) =>
      h('li', null, h('span', { class: 'swatch', style: { backgroundColor: PALETTE[index % PALETTE.length] } }), attributeLabel(series.attributes))));
    add(container, chart, legend);
    if (set.type === 'histogram') {
      add(container, h('p', { class: 'muted small' }, 'Solid line P50, dashed P90, dotted P99 (estimated from the histogram buckets).'));
    }
    return container;
  }

  function metricsView(route, root) {
    const selection = { service: route.params.get('service') || '', name: route.params.get('name') || '' };
    const serviceSelect = h('select', { id: 'metrics-service', 'aria-label': 'Service' });
    const list = h('ul', { class: 'instruments', id: 'instruments' });
    const chartArea = h('section', { class: 'chart-area' });
    add(root,
      h('div', { class: 'toolbar' }, h('h1', null, 'Metrics'), h('div', { class: 'filters' }, serviceSelect)),
      h('div', { class: 'metrics-layout' }, h('nav', { class: 'instrument-list' }, list), chartArea));
    const changedInstruments = changeTracker();
    const changedSeries = changeTracker();
    let instruments = [];

    const select = (service, name) => {
      selection.service = service;
      selection.name = name;
      replaceHash('/metrics', selection);
      renderList();
      app.refreshNow();
    };
    serviceSelect.addEventListener('change', () => select(serviceSelect.value, ''));

    function renderList() {
      replace(list, ...(instruments.length
        ? instruments.map(instrument => {
          const isSelected = instrument.name === selection.name && (!selection.service || instrument.service === selection.service);
          const button = h('button', {
            type: 'button', class: `instrument${isSelected ? ' selected' : ''}`,
            dataset: { service: instrument.service, name: instrument.name },
          },
          h('span', { class: 'instrument-name' }, instrument.name),
          h('span', { class: 'muted small' }, `${instrument.type}${instrument.unit ? ' · ' + displayUnit(instrument.unit) : ''}`),
          selection.service ? null : serviceChip(instrument.service));
          button.addEventListener('click', () => select(instrument.service, instrument.name));
          return h('li', null, button);
        })
        : [h('li', { class: 'muted' }, 'No instruments yet.')]));
    }

    return {
      async refresh(signal) {
        const [services, found] = await Promise.all([
          getJson('/api/services', signal),
          getJson(apiPath('/api/metrics', { service: selection.service }), signal),
        ]);
        fillSelect(serviceSelect, services.data, selection.service, 'All services');
        if (changedInstruments(found.raw)) {
          instruments = found.data.slice().sort((a, b) => a.service.localeCompare(b.service) || a.name.localeCompare(b.name));
          renderList();
        }
        if (!selection.name) {
          replace(chartArea, h('p', { class: 'muted' }, 'Pick an instrument to chart it.'));
          changedSeries(null);
          return;
        }
        const instrument = instruments.find(i => i.name === selection.name && (!selection.service || i.service === selection.service));
        const service = selection.service || (instrument ? instrument.service : '');
        const series = await getJson(apiPath('/api/metrics/series', { service, name: selection.name }), signal);
        if (!changedSeries(series.raw)) return;
        const set = series.data;
        replace(chartArea,
          h('h2', null, set.name, ' ', serviceChip(set.service)),
          instrument && instrument.description ? h('p', { class: 'muted' }, instrument.description) : null,
          renderChart(set));
      },
    };
  }

  // ---------------------------------------------------------------------------------------------------------------

  const VIEWS = {
    resources: resourcesView,
    console: consoleView,
    logs: logsView,
    traces: (route, root) => (route.segments[1] ? traceDetailView : tracesView)(route, root),
    metrics: metricsView,
  };

  window.addEventListener('hashchange', () => app.mount());
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) app.refreshNow();
  });
  app.mount();
})();
