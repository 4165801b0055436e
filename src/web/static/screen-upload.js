// Optional upload with progress for /{lang}/compliance/screen (the form works without it).
(() => {
  const $ = (id) => document.getElementById(`screen-${id}`);
  const [form, box, bar, status, out] = ['form', 'progress-box', 'progress', 'status', 'result'].map($);
  if (!form) return;
  const m = JSON.parse(form.dataset.messages);
  const num = new Intl.NumberFormat(document.documentElement.lang).format;
  const fill = (text, o) => text.replace(/\{(\w+)\}/g, (_, k) => o[k]);
  const el = (tag, text = '', props = {}) => Object.assign(document.createElement(tag), { textContent: text, ...props });

  // RFC 4180; each row ends with verdict,minimum_age,citations.
  const parse = (s) => {
    const rows = [];
    let row = [];
    let f = '';
    let q = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (q && c === '"' && s[i + 1] === '"') {
        f += c;
        i++;
      } else if (c === '"') q = !q;
      else if (q || (c !== ',' && c !== '\n')) f += c;
      else {
        row.push(f.replace(/\r$/, ''));
        f = '';
        if (c === '\n') {
          rows.push(row);
          row = [];
        }
      }
    }
    if (f || row.length) rows.push([...row, f]);
    return rows;
  };

  const summarise = (text, name) => {
    const rows = parse(text);
    const id = rows.shift().indexOf('worker_id');
    const counts = { permitted: 0, other_law: 0, conditional: 0, prohibited: 0, worst_form: 0, invalid: 0 };
    const ul = el('ul');
    rows.forEach((r, i) => {
      const v = r[r.length - 3];
      if (v in counts) counts[v]++;
      if (v === 'invalid' && ul.children.length < 5)
        ul.append(el('li', `${fill(m.row, { row: num(i + 1) })}${r[id] ? ` (${r[id]})` : ''}: ${r[r.length - 1]}`));
    });
    const p = el('p');
    p.append(el('a', fill(m.download, { name }), { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: name }));
    const dl = el('dl', '', { className: 'facts' });
    for (const k in counts) dl.append(el('dt', m.verdicts[k] || m.invalid), el('dd', num(counts[k])));
    out.replaceChildren(p, el('h3', m.summary), dl);
    if (ul.children.length) out.append(el('h3', m.errors), ul);
    return rows.length;
  };

  form.addEventListener('submit', (event) => {
    const file = form.elements.file.files[0];
    const on = form.elements.on.value;
    // No file or a bad date: the server explains.
    if (!file || !/^\d{4}-\d{2}-\d{2}$/.test(on)) return;
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let lines = 0;
    let said = 0;
    // Set once the whole file was sent or the server answered 200 (a network error resets xhr.status).
    let sent = false;
    const say = (text, now) => {
      if (!now && Date.now() - said < 1000) return;
      status.textContent = text;
      said = Date.now();
    };
    const percent = () => say(fill(m.uploading, { percent: `${Math.round((100 * bar.value) / bar.max)}%` }));
    out.replaceChildren();
    box.hidden = false;
    bar.max = Math.max(file.size, 1);
    bar.value = 0;
    xhr.open('POST', `/api/compliance/screen?format=csv&on=${on}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    const token = form.elements._csrf?.value;
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) bar.value = Math.min(e.loaded, bar.max);
      percent();
    };
    xhr.onreadystatechange = () => {
      if (xhr.readyState >= 2 && xhr.status === 200) sent = true;
    };
    xhr.upload.onload = () => {
      sent = true;
    };
    xhr.onprogress = () => {
      const text = xhr.responseText;
      if (xhr.status !== 200) return;
      for (; seen < text.length; seen++) if (text.charCodeAt(seen) === 10) lines++;
      say(fill(m.screening, { rows: num(lines && lines - 1) }));
    };
    // A cut transfer after the 200 (the server stops when the file turns out damaged, e.g. a
    // truncated .gz): the rows received are only part of the file, so none are offered as a result.
    xhr.onerror = () => {
      out.replaceChildren();
      say(sent ? m.incomplete : m.network, true);
    };
    xhr.onload = () => {
      bar.value = bar.max;
      let detail = xhr.statusText;
      if (xhr.status === 200) return say(fill(m.done, { rows: num(summarise(xhr.responseText, `screening-${on}.csv`)) }), true);
      try {
        detail = JSON.parse(xhr.responseText).detail || detail;
      } catch {}
      say(fill(m.failed, { detail }), true);
    };
    percent();
    xhr.send(file);
  });
})();
