// /apply: the application form, generated from the definition, validated by the server 300 ms
// after typing stops, kept in localStorage, opened from and saved to data files, rendered.
import { api, downloadName, parseJSON, saveBlob, status } from "/assets/common.js";
import { DataForm } from "/assets/dataform.js";
import { toYAML } from "/assets/yaml.js";

const FORM = "application";
const STORE = `shenbao.${FORM}.data`;
const PAUSE_MS = 300;

const description = await (await api(`/api/definition/${FORM}`)).json();
document.getElementById("form-title").textContent = description.title;
document.title = `${description.title} · 申报`;
const form = new DataForm(document.getElementById("data-form"), description);

let timer = null;
let generation = 0;

function schedule() {
  localStorage.setItem(STORE, JSON.stringify(form.collect()));
  clearTimeout(timer);
  timer = setTimeout(validate, PAUSE_MS);
}

/** Sends the form's data to the validator and shows what it says; a later call wins. */
async function validate() {
  const mine = ++generation;
  document.getElementById("checking").hidden = false;
  try {
    const response = await api("/api/validate", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(form.collect()),
    });
    const report = await response.json();
    if (mine === generation) show(report.files[0]?.issues ?? []);
  } catch (error) {
    if (mine === generation) status(error.message, true);
  } finally {
    if (mine === generation) document.getElementById("checking").hidden = true;
  }
}

function show(issues) {
  const notes = form.showIssues(issues);
  const errors = issues.filter((i) => i.severity === "error").length;
  document.getElementById("issue-count").textContent = String(errors);
  document.getElementById("warning-count").textContent = String(issues.length - errors);
  const list = document.getElementById("issue-list");
  list.replaceChildren(...issues.map((issue, k) => {
    const item = document.createElement("li");
    item.className = issue.severity;
    const link = document.createElement("a");
    link.href = `#${notes[k].id}`;
    link.textContent = issue.message;
    item.append(link);
    return item;
  }));
}

form.onChange(schedule);

document.getElementById("open-data").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  try {
    const response = await api("/api/data", { method: "POST", body: await file.arrayBuffer() });
    form.fill(parseJSON(await response.text()));
    status(`已打开 ${file.name}`);
    schedule();
  } catch (error) {
    status(error.message, true);
  } finally {
    event.target.value = "";
  }
});

document.getElementById("save-data").addEventListener("click", () => {
  const text = toYAML(form.collect(), `${description.title}（申报网页保存）`);
  saveBlob(new Blob([text], { type: "application/yaml" }), "申请数据.yaml");
});

const seal = document.getElementById("seal-file");
seal.addEventListener("change", () => {
  document.getElementById("seal-name").textContent = seal.files[0] ? `印章：${seal.files[0].name}` : "";
});

/** Renders the form's data as `format`; a 422 shows the issues that stop it. */
async function download(format) {
  const body = new FormData();
  body.append("data", new Blob([JSON.stringify(form.collect())], { type: "application/json" }), "data.json");
  if (seal.files[0]) body.append("seal", seal.files[0], seal.files[0].name);
  status("正在生成…");
  try {
    const response = await api(`/api/render/${FORM}?format=${format}`, { method: "POST", body });
    const name = downloadName(response, `${FORM}.${format}`);
    saveBlob(await response.blob(), name);
    status(`已生成 ${name}`);
  } catch (error) {
    if (error.status === 422 && error.document?.files) show(error.document.files[0].issues);
    status(error.status === 422 ? "有错误，请先改正后再下载" : error.message, true);
  }
}
document.getElementById("download-pdf").addEventListener("click", () => download("pdf"));
document.getElementById("download-docx").addEventListener("click", () => download("docx"));

document.getElementById("clear-form").addEventListener("click", () => {
  form.fill({});
  schedule();
});

const saved = localStorage.getItem(STORE);
if (saved) {
  try { form.fill(JSON.parse(saved)); } catch { localStorage.removeItem(STORE); }
}
validate();
