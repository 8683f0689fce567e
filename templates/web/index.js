// /: the notice's title, deadline, where to submit, and each field's contact, from the notice file.
import { api, status } from "/assets/common.js";

try {
  const { notice } = await (await api("/api/definition/application")).json();
  document.getElementById("notice-title").textContent = notice.title;
  document.getElementById("notice-number").textContent = `${notice.document_number}　${notice.issuer}`;
  document.getElementById("deadline").textContent = notice.deadline_chinese;
  const s = notice.submission;
  document.getElementById("submission").textContent =
    `纸质材料（一式 ${notice.copies} 份）报送${s.recipient}，地址：${s.address}（邮编 ${s.postcode}）。${s.online ? "网上申报：" + s.online : ""}`;
  const body = document.querySelector("#contacts tbody");
  for (const field of notice.key_fields) {
    const row = document.createElement("tr");
    const contact = field.contact ?? {};
    for (const text of [field.name, contact.name ?? "", contact.phone ? `${contact.phone}${contact.extension ? " 转 " + contact.extension : ""}` : ""]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  }
} catch (error) {
  status(error.message, true);
}
