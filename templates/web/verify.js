// /verify: a PDF's signatures as `verify --json` reports them.
import { api, status } from "/assets/common.js";

const yes = (b) => (b ? "是" : "否");
const changes = { none: "无", allowed: "仅允许的修改（后续签名）", disallowed: "有不允许的修改" };

document.getElementById("verify-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const body = new FormData();
  body.append("file", file, file.name);
  const table = document.getElementById("signatures");
  try {
    const report = await (await api("/api/verify", { method: "POST", body })).json();
    const signatures = report.files[0]?.signatures ?? [];
    const rows = signatures.map((s) => {
      const row = document.createElement("tr");
      for (const text of [s.field, s.signer, s.time ?? "", yes(s.intact), yes(s.covers_whole_file), changes[s.modified_after] ?? s.modified_after, yes(s.certificate_valid)]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    });
    table.querySelector("tbody").replaceChildren(...rows);
    table.hidden = rows.length === 0;
    status(rows.length ? `${file.name}：${rows.length} 个签名` : `${file.name}：没有数字签名`);
  } catch (error) {
    table.hidden = true;
    status(error.message, true);
  } finally {
    event.target.value = "";
  }
});
