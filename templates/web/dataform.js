// A data form generated from a form description (GET /api/definition/{form}): one input per
// field of the definition, named by its data path, so a field added to the definition file
// appears with no change here. Knows no rule: issues come from the server's validator.

const idOf = (path) => "f-" + path.replace(/[^A-Za-z0-9_-]/g, "-");
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === true) node.setAttribute(k, "");
    else if (v !== false && v !== undefined && v !== null) node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
};

export class DataForm {
  /** `root`: an empty <form>; `description`: the definition document. */
  constructor(root, description) {
    this.root = root;
    this.description = description;
    this.notice = description.notice;
    this.listeners = [];
    this.build();
  }

  onChange(listener) { this.listeners.push(listener); }
  changed() { this.updateDependents(); for (const l of this.listeners) l(); }

  build() {
    this.root.replaceChildren();
    this.general = el("div", { class: "issues general", "data-issues-of": "" });
    this.root.append(this.general);
    // Consecutive fields of one top-level group share a fieldset headed by its label.
    let section = null, current = null;
    for (const field of this.description.fields) {
      const group = field.path.split(".")[0];
      const title = this.description.groups[group] ?? "其他信息";
      if (title !== current) {
        current = title;
        section = el("fieldset", { class: "section" }, el("legend", {}, title));
        this.root.append(section);
      }
      section.append(this.fieldBlock(field, field.path));
    }
    this.root.addEventListener("input", () => this.changed());
    this.root.addEventListener("change", () => this.changed());
    this.updateDependents();
  }

  /** The label, input and issue box of `field` at concrete path `path`. */
  fieldBlock(field, path) {
    if (field.type === "list") return this.listBlock(field, path);
    const id = idOf(path);
    const block = el("div", { class: `field type-${field.type}`, "data-field": path });
    const label = el("label", { for: id }, field.label, this.requiredMark(field));
    const input = this.input(field, path, id);
    if (field.type === "boolean") block.append(input, label);
    else block.append(label, input);
    if (field.budget) block.append(el("small", { class: "hint" }, `表格约容 ${field.budget} 字`));
    block.append(el("div", { class: "issues", "data-issues-of": path }));
    return block;
  }

  requiredMark(field) {
    const mark = el("span", { class: "required", "data-required": field.required }, "*");
    mark.title = "必填";
    if (field.required === "conditional" && field.when?.path) {
      mark.dataset.whenPath = field.when.path;
      mark.dataset.whenEquals = String(field.when.equals);
    }
    if (field.required === "no") mark.hidden = true;
    return mark;
  }

  input(field, path, id) {
    const common = { id, name: path, "data-type": field.type };
    if (field.required === "yes") common["aria-required"] = "true";
    switch (field.type) {
      case "longtext": return el("textarea", { ...common, rows: 4, maxlength: field.max_length });
      case "integer": return el("input", { ...common, type: "number", step: 1, min: field.minimum, inputmode: "numeric" });
      case "boolean": return el("input", { ...common, type: "checkbox", value: "true" });
      case "date": return el("input", { ...common, type: "date" });
      case "enum": {
        const select = el("select", common, el("option", { value: "" }, "请选择"));
        for (const v of field.values ?? []) select.append(el("option", { value: v }, v));
        if (field.values?.length === 1) select.value = field.values[0];
        if (field.values_from) select.dataset.valuesFrom = field.values_from;
        return select;
      }
      default: {
        const type = field.format === "email" ? "email" : (field.format === "phone" || field.format === "mobile") ? "tel" : "text";
        const input = el("input", { ...common, type, maxlength: field.max_length, autocomplete: "off", spellcheck: "false" });
        if (field.default !== undefined) input.value = field.default;
        return input;
      }
    }
  }

  /** A list: choices as checkboxes for a list of values, or rows with add/remove for records. */
  listBlock(field, path) {
    const box = el("fieldset", { class: "list", "data-field": path });
    box.append(el("legend", {}, field.label, this.requiredMark(field)));
    const item = field.item;
    if (item && item.type !== "record") {
      const choices = el("div", { class: "choices", "data-values-from": item.values_from ?? "" });
      (item.values ?? []).forEach((v, k) => {
        const id = `${idOf(path)}-${k + 1}`;
        choices.append(el("span", { class: "choice", "data-value": v },
          el("input", { type: "checkbox", id, name: path, value: v, "data-list": "values" }),
          el("label", { for: id }, v)));
      });
      box.append(choices, el("p", { class: "hint narrowed-hint", hidden: true }, "请先选择重点领域"));
    } else {
      const rows = el("div", { class: "rows" });
      const add = el("button", { type: "button", class: "add-row" }, `添加一项${field.label}`);
      add.addEventListener("click", () => { this.addRow(field, path, rows); this.changed(); rows.lastElementChild?.querySelector("input,select,textarea")?.focus(); });
      box.append(rows, add);
      box.dataset.records = "true";
      box._field = field;
      box._rows = rows;
    }
    box.append(el("div", { class: "issues", "data-issues-of": path }));
    return box;
  }

  addRow(field, path, rows) {
    const row = el("fieldset", { class: "row" });
    row._field = field;
    rows.append(row);
    this.renumber(field, path, rows);
  }

  /** Gives every row its number and its inputs their paths (`….expected_outputs.2.level`). */
  renumber(field, path, rows) {
    [...rows.children].forEach((row, i) => {
      const n = i + 1;
      const values = {};
      for (const input of row.querySelectorAll("[name]")) values[input.name.split(".").pop()] = input.type === "checkbox" ? input.checked : input.value;
      row.replaceChildren(el("legend", {}, `${field.label} 第 ${n} 项`));
      for (const sub of field.item?.fields ?? []) {
        const block = this.fieldBlock(sub, `${path}.${n}.${sub.key}`);
        row.append(block);
        const input = block.querySelector("[name]");
        if (sub.key in values) { if (input.type === "checkbox") input.checked = values[sub.key]; else input.value = values[sub.key]; }
      }
      const remove = el("button", { type: "button", class: "remove-row" }, `删除第 ${n} 项`);
      remove.addEventListener("click", () => { row.remove(); this.renumber(field, path, rows); this.changed(); });
      row.append(remove, el("div", { class: "issues", "data-issues-of": `${path}.${n}` }));
    });
  }

  /** Marks and choices that depend on other fields: conditional required marks, and the
   *  directions offered for the chosen key field (`values_from: directions`). */
  updateDependents() {
    for (const mark of this.root.querySelectorAll("[data-when-path]")) {
      mark.hidden = this.valueAt(mark.dataset.whenPath) !== mark.dataset.whenEquals;
    }
    const fieldSelect = this.root.querySelector('select[data-values-from="key_fields"]');
    for (const choices of this.root.querySelectorAll('.choices[data-values-from="directions"]')) {
      const chosen = this.notice?.key_fields?.find((k) => k.name === fieldSelect?.value);
      for (const choice of choices.children) {
        const offered = Boolean(chosen?.directions.includes(choice.dataset.value));
        choice.hidden = !offered;
        if (!offered) choice.querySelector("input").checked = false;
      }
      choices.parentElement.querySelector(".narrowed-hint").hidden = Boolean(chosen);
    }
  }

  valueAt(path) {
    const input = this.root.querySelector(`[name="${CSS.escape(path)}"]`);
    if (!input) return undefined;
    return input.type === "checkbox" ? String(input.checked) : input.value;
  }

  /** The data the form holds, as the data model nests it; empty inputs are left out. */
  collect() {
    const data = {};
    for (const input of this.root.querySelectorAll("[name]")) {
      let value;
      if (input.dataset.list) {
        if (!input.checked) { ensureList(data, input.name); continue; }
        push(data, input.name, input.value);
        continue;
      }
      if (input.type === "checkbox") value = input.checked;
      else {
        value = input.value.trim();
        if (value === "") continue;
        if (input.dataset.type === "integer" && /^-?\d+$/.test(value)) value = Number(value);
      }
      set(data, input.name, value);
    }
    return prune(data);
  }

  /** Replaces the form's values with `data`. */
  fill(data) {
    for (const input of this.root.querySelectorAll("[name]")) {
      if (input.type === "checkbox") input.checked = false;
      else if (input.tagName === "SELECT" && input.options.length === 2 && input.options[1].value) input.value = input.options[1].value;
      else input.value = "";
    }
    for (const box of this.root.querySelectorAll('[data-records="true"]')) {
      const path = box.dataset.field;
      const items = valueAt(data, path);
      box._rows.replaceChildren();
      for (let i = 0; i < (Array.isArray(items) ? items.length : 0); i++) this.addRow(box._field, path, box._rows);
    }
    for (const [path, value] of flatten(data)) {
      if (Array.isArray(value)) {
        for (const input of this.root.querySelectorAll(`[name="${CSS.escape(path)}"][data-list]`)) input.checked = value.map(String).includes(input.value);
        continue;
      }
      const input = this.root.querySelector(`[name="${CSS.escape(path)}"]`);
      if (!input) continue;
      if (input.type === "checkbox") input.checked = value === true || value === "true";
      else input.value = value === null ? "" : String(value);
    }
    // Directions are set after the key field so narrowing does not clear them.
    this.updateDependents();
    for (const [path, value] of flatten(data)) {
      if (!Array.isArray(value)) continue;
      for (const input of this.root.querySelectorAll(`[name="${CSS.escape(path)}"][data-list]`)) input.checked = value.map(String).includes(input.value);
    }
  }

  /** Shows each issue beside its field (or the nearest enclosing one), marked with its path
   *  and rule; returns the issue elements. */
  showIssues(issues) {
    for (const old of this.root.querySelectorAll("[data-issue-for]")) old.remove();
    for (const input of this.root.querySelectorAll("[aria-invalid]")) { input.removeAttribute("aria-invalid"); input.removeAttribute("aria-describedby"); }
    return issues.map((issue, k) => {
      const box = this.boxFor(issue.path ?? "");
      const note = el("p", { class: `issue ${issue.severity}`, id: `issue-${k}`, "data-issue-for": issue.path ?? "", "data-rule": issue.rule }, issue.message);
      box.append(note);
      const input = box.parentElement?.querySelector(`[name="${CSS.escape(issue.path ?? "")}"]`);
      if (input && issue.severity === "error") { input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", note.id); }
      return note;
    });
  }

  /** The issue box of `path`, else of its nearest ancestor with one, else the general box. */
  boxFor(path) {
    const parts = path.split(".");
    while (parts.length) {
      const box = this.root.querySelector(`[data-issues-of="${CSS.escape(parts.join("."))}"]`);
      if (box) return box;
      parts.pop();
    }
    return this.general;
  }
}

function segments(path) { return path.split("."); }

function set(data, path, value) {
  const keys = segments(path);
  let node = data;
  keys.forEach((k, i) => {
    const last = i === keys.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(keys[i + 1]);
    const slot = /^\d+$/.test(k) ? Number(k) - 1 : k;
    if (last) node[slot] = value;
    else node = node[slot] ??= nextIsIndex ? [] : {};
  });
}

function ensureList(data, path) { if (valueAt(data, path) === undefined) set(data, path, []); }
function push(data, path, value) { ensureList(data, path); valueAt(data, path).push(value); }

function valueAt(data, path) {
  let node = data;
  for (const k of segments(path)) {
    if (node === undefined || node === null) return undefined;
    node = Array.isArray(node) ? node[Number(k) - 1] : node[k];
  }
  return node;
}

/** Leaves: `[path, value]` with list items numbered from 1; lists of values stay whole. */
function flatten(value, prefix = "") {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return [[prefix, value]];
    return value.flatMap((v, i) => flatten(v, `${prefix}.${i + 1}`));
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

/** Drops empty lists' holes and empty maps, so an untouched row adds nothing. */
function prune(value) {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(prune);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== null && typeof p === "object" && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}
