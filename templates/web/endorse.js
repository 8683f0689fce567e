// /endorse: the opinion form generated from the opinion definition; an applicant's data file
// fills its `application` part, an applicant's PDF pack is endorsed as it is.
import { api, downloadName, parseJSON, saveBlob, status } from "/assets/common.js";
import { DataForm } from "/assets/dataform.js";

const description = await (await api("/api/definition/opinion")).json();
document.getElementById("form-title").textContent = description.title;
const form = new DataForm(document.getElementById("data-form"), description);
const seal = document.getElementById("seal-file");
let pack = null;
let timer = null;

function show(issues) {
  form.showIssues(issues);
  const errors = issues.filter((i) => i.severity === "error").length;
  document.getElementById("issue-count").textContent = String(errors);
  document.getElementById("warning-count").textContent = String(issues.length - errors);
}

async function validate() {
  try {
    const response = await api("/api/validate", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(form.collect()) });
    show((await response.json()).files[0]?.issues ?? []);
  } catch (error) { status(error.message, true); }
}
form.onChange(() => { clearTimeout(timer); timer = setTimeout(validate, 300); });

document.getElementById("pack-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  try {
    document.getElementById("pack-name").textContent = file.name;
    if (/\.pdf$/i.test(file.name)) {
      pack = file;
      document.getElementById("download-endorsed").disabled = false;
      status(`已打开申请表 ${file.name}；请填写与申请表一致的项目名称、申请单位和信用代码`);
      return;
    }
    const data = parseJSON(await (await api("/api/data", { method: "POST", body: await file.arrayBuffer() })).text());
    const current = form.collect();
    current.application = {
      project_name: data.project?.name, applicant_name: data.applicant?.name,
      credit_code: data.applicant?.credit_code === undefined ? undefined : String(data.applicant.credit_code), category: data.project?.category,
    };
    form.fill(current);
    status(`已从 ${file.name} 填入申请项目`);
    validate();
  } catch (error) {
    status(error.message, true);
  } finally {
    // The pack is kept in `pack` and named in #pack-name; an input that kept its file would
    // fire no `change` when the same file is chosen again (after an endorsement, or a refused
    // one, to start over), so it is emptied as /apply empties #open-data.
    event.target.value = "";
  }
});

async function post(path, body, fallback) {
  try {
    const response = await api(path, { method: "POST", body });
    saveBlob(await response.blob(), downloadName(response, fallback));
    status("已生成");
  } catch (error) {
    if (error.document?.files) show(error.document.files[0].issues);
    status(error.message, true);
  }
}

document.getElementById("download-opinion").addEventListener("click", () => {
  const body = new FormData();
  body.append("data", new Blob([JSON.stringify(form.collect())], { type: "application/json" }), "opinion.json");
  if (seal.files[0]) body.append("seal", seal.files[0]);
  post("/api/render/opinion?format=pdf", body, "opinion.pdf");
});

document.getElementById("download-endorsed").addEventListener("click", () => {
  if (!pack) return;
  const body = new FormData();
  body.append("pack", pack, pack.name);
  body.append("opinion", new Blob([JSON.stringify(form.collect())], { type: "application/json" }), "opinion.json");
  if (seal.files[0]) body.append("seal", seal.files[0]);
  post("/api/endorse", body, "endorsed.pdf");
});
validate();
