/// The page's only style sheet and script, served by the tool itself (`/static/…`): no
/// external URL, no framework. The script only uploads files and polls a run's progress; the
/// pages read and filter without it.
package enum Assets {
    package static let css = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --error: #b42318; --warning: #9a6700; --info: #0b5cad; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.55 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
        .bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .6rem 1.2rem; background: #24292f; }
        .bar a { color: #fff; text-decoration: none; }
        .bar .brand { font-weight: 600; margin-right: auto; }
        .bar nav { display: flex; gap: 1rem; }
        main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        h1 { font-size: 1.5rem; margin: .6rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
        form.panel, .panel { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; background: var(--bg); margin-bottom: 1rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; }
        form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
        input, select, button { font: inherit; }
        input[type=text], input[type=search], select { padding: .25rem .4rem; border: 1px solid var(--line); border-radius: 4px; min-width: 8rem; }
        button, .button { padding: .35rem .9rem; border: 1px solid #1f6feb; background: #1f6feb; color: #fff; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
        .button.secondary { background: #fff; color: #1f6feb; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: var(--bg); font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .sev-error { color: var(--error); font-weight: 600; }
        .sev-warning { color: var(--warning); font-weight: 600; }
        .sev-info { color: var(--info); }
        .error { color: var(--error); }
        pre.error { white-space: pre-wrap; background: #fff5f5; border: 1px solid #f3c2c2; padding: .6rem; border-radius: 4px; color: var(--ink); }
        pre.ok { background: #f0fff4; border: 1px solid #b7e4c7; padding: .6rem; border-radius: 4px; white-space: pre-wrap; }
        .counts { display: flex; flex-wrap: wrap; gap: 1rem; margin: .6rem 0; }
        .counts > span { padding: .2rem .6rem; border-radius: 999px; background: var(--bg); border: 1px solid var(--line); }
        .pager { display: flex; gap: .8rem; align-items: center; margin: .8rem 0; }
        .muted { color: var(--muted); }
        progress { width: 100%; height: 1.2rem; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; }
        .card h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; margin: .6rem 0; }
        figure.chart { margin: 0; }
        figure.chart svg { display: block; max-width: 640px; height: auto; }
        svg text.label { fill: var(--ink); }
        svg .sev-error { fill: var(--error); }
        svg .sev-warning { fill: #d18a00; }
        svg .sev-info { fill: var(--info); }
        """

    /// Uploads the chosen files one request each (the server stores them under generated
    /// names), starts the audit and follows the page it names; polls a running batch.
    package static let javaScript = """
        "use strict";
        (function () {
          var form = document.getElementById("upload");
          var status = document.getElementById("status");
          function say(text, isError) { status.textContent = text; status.className = isError ? "error" : ""; }
          async function answer(response) {
            try { return await response.json(); } catch (e) { return { error: response.status + " " + response.statusText }; }
          }
          if (form) {
            form.addEventListener("submit", async function (event) {
              event.preventDefault();
              var m = form.dataset;
              var files = Array.prototype.slice.call(document.getElementById("files").files)
                .concat(Array.prototype.slice.call(document.getElementById("folder").files));
              if (files.length === 0) { say(m.none, true); return; }
              if (files.length > Number(m.maxFiles)) { say(m.tooMany, true); return; }
              try {
                var created = await fetch(form.dataset.api, { method: "POST" });
                var job = await answer(created);
                if (!created.ok) { say(job.error, true); return; }
                var refused = [];
                for (var i = 0; i < files.length; i++) {
                  say(m.uploading + " " + (i + 1) + " / " + files.length);
                  var file = files[i];
                  var name = file.webkitRelativePath || file.name;
                  var sent = await fetch("/api/jobs/" + job.id + "/files?name=" + encodeURIComponent(name), { method: "POST", body: file });
                  if (!sent.ok) { refused.push(name + ": " + (await answer(sent)).error); }
                }
                if (refused.length === files.length) { say(refused.join("\\n"), true); return; }
                say(m.auditing);
                var batch = document.getElementById("batch").checked ? "?batch=1" : "";
                var started = await fetch("/api/jobs/" + job.id + "/start" + batch, { method: "POST" });
                var result = await answer(started);
                if (!started.ok) { say(result.error, true); return; }
                window.location.href = result.url;
              } catch (e) { say(m.failed, true); }
            });
          }
          var bar = document.getElementById("progress");
          if (bar) {
            var poll = async function () {
              try {
                var response = await fetch("/api/jobs/" + bar.dataset.job);
                var state = await answer(response);
                if (state.url) { window.location.href = state.url; return; }
                if (state.error) { document.getElementById("progress-text").textContent = state.error; return; }
                bar.max = Math.max(1, state.total); bar.value = state.done;
                document.getElementById("progress-text").textContent = state.text;
              } catch (e) { }
              setTimeout(poll, 1000);
            };
            poll();
          }
          var check = document.getElementById("rubric-check");
          if (check) {
            check.addEventListener("submit", async function (event) {
              event.preventDefault();
              var out = document.getElementById("rubric-output");
              var file = document.getElementById("rubric-file").files[0];
              if (!file) { out.textContent = check.dataset.none; out.className = "error"; return; }
              var response = await fetch("/api/rubric-check?name=" + encodeURIComponent(file.name), { method: "POST", body: file });
              var result = await answer(response);
              out.textContent = result.output || result.error;
              out.className = result.ok ? "ok" : "error";
            });
          }
        })();
        """
}
