// /batch: upload a sheet (POST /api/batch → {job}), follow it over Server-Sent Events
// (/api/batch/{job}/events: a `record` event per finished row, `state` events with the counts),
// show every row as it finishes, offer the ZIP.
import { api, status } from "/assets/common.js";

const sheet = document.getElementById("sheet-file");
const recommender = document.getElementById("recommender-file");
const start = document.getElementById("start-batch");
const progress = document.getElementById("progress");
const zip = document.getElementById("download-zip");
const rows = document.querySelector("#records tbody");
const labels = { ok: "已生成", invalid: "数据有误", failed: "失败" };

sheet.addEventListener("change", () => {
  document.getElementById("sheet-name").textContent = sheet.files[0]?.name ?? "";
  start.disabled = !sheet.files[0];
});

/** One issue of a record, marked as the form marks its issues (`data-issue-for`, `data-rule`). */
function issueNote(issue) {
  const note = document.createElement("p");
  if (typeof issue === "string") issue = { message: issue };
  note.className = `issue ${issue.severity ?? "error"}`;
  note.dataset.issueFor = issue.path ?? "";
  if (issue.rule) note.dataset.rule = issue.rule;
  note.textContent = issue.message;
  return note;
}

/** Shows one record (`{row, applicant, status, issues}`), replacing its row if shown. */
function showRecord(record) {
  let row = rows.querySelector(`tr[data-row="${record.row}"]`);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.row = String(record.row);
    const after = [...rows.children].find((r) => Number(r.dataset.row) > record.row);
    rows.insertBefore(row, after ?? null);
  }
  row.dataset.status = record.status;
  // A row that could not be read never became a record, so it names no applicant; an empty
  // cell would read as a blank line of the sheet, not as a row to correct and upload again.
  const unread = record.status === "failed" && !record.applicant;
  const cells = [String(record.row), unread ? "（无法读取）" : record.applicant ?? "", labels[record.status] ?? record.status].map((text, k) => {
    const cell = document.createElement("td");
    if (k === 1 && unread) cell.className = "unread";
    if (k === 2) cell.className = "state";
    cell.textContent = text;
    return cell;
  });
  const issues = document.createElement("td");
  issues.className = "issues";
  issues.append(...(record.issues ?? []).map(issueNote));
  row.replaceChildren(...cells, issues);
}

/** Shows a job's state document (`{state, done, total, invalid, records}`; the stream's state
 *  events have no `records`); true once the job is over. */
function showState(job, state) {
  for (const record of state.records ?? []) showRecord(record);
  progress.max = Math.max(state.total ?? 1, 1);
  progress.value = state.done ?? 0;
  status(`${state.done ?? 0} / ${state.total ?? "?"} 行完成，${state.invalid ?? 0} 行数据有误`);
  if (state.state === "done" || state.state === "failed") {
    zip.href = `/api/batch/${encodeURIComponent(job)}/result.zip`;
    zip.hidden = state.state !== "done";
    start.disabled = false;
    status(state.state === "done" ? `完成：共 ${state.total} 行，${state.invalid ?? 0} 行数据有误` : "批量任务失败", state.state === "failed");
    return true;
  }
  return false;
}

/** Follows a job over its event stream: one `record` event per finished row, each once (the
 *  browser resumes a broken stream with Last-Event-ID, and the server goes on after that row),
 *  and a `state` event with the counts after them; the last state is no longer `running`. */
function follow(job) {
  const events = new EventSource(`/api/batch/${encodeURIComponent(job)}/events`);
  events.addEventListener("record", (message) => showRecord(JSON.parse(message.data)));
  events.addEventListener("state", (message) => {
    if (showState(job, JSON.parse(message.data))) events.close();
  });
  events.onerror = async () => {
    // The browser reconnects by itself while it can; given up, ask for the whole state once.
    if (events.readyState !== EventSource.CLOSED) {
      status("连接中断，正在重新连接…", true);
      return;
    }
    try {
      const state = await (await api(`/api/batch/${encodeURIComponent(job)}`)).json();
      if (!showState(job, state)) setTimeout(() => follow(job), 1000);
    } catch (error) {
      start.disabled = false;
      status(error.message, true);
    }
  };
}

start.addEventListener("click", async () => {
  const body = new FormData();
  body.append("sheet", sheet.files[0], sheet.files[0].name);
  if (recommender.files[0]) body.append("recommender", recommender.files[0], recommender.files[0].name);
  start.disabled = true;
  zip.hidden = true;
  rows.replaceChildren();
  progress.value = 0;
  try {
    const { job } = await (await api("/api/batch", { method: "POST", body })).json();
    follow(job);
  } catch (error) {
    start.disabled = false;
    status(error.message, true);
  }
});
