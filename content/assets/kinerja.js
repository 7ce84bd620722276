/* Small enhancements without third-party code: sortable/filterable indicator table,
   abbreviations that show their expansion on tap as well as on hover, and the "/" key
   that opens the search page (content/cari.md) from any page. */
(function () {
  "use strict";

  /* This file is assets/kinerja.js: the site root is one folder up, wherever the site is published. */
  var script = document.currentScript;
  var siteRoot = new URL("../", script && script.src ? script.src : location.href);

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var na = parseFloat(a.replace(/\./g, "").replace(",", "."));
    var nb = parseFloat(b.replace(/\./g, "").replace(",", "."));
    if (!isNaN(na) && !isNaN(nb) && /^[\d.,]+\s*%?/.test(a) && /^[\d.,]+\s*%?/.test(b)) {
      return na - nb;
    }
    return a.localeCompare(b, "id", { numeric: true, sensitivity: "base" });
  }

  function enhanceTable(box) {
    var table = box.querySelector("table");
    if (!table || table.dataset.siap) return;
    table.dataset.siap = "1";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);

    var label = document.createElement("label");
    label.className = "saring-label";
    label.textContent = "Saring daftar: ";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "saring-input";
    input.setAttribute("aria-describedby", "saring-jumlah");
    label.appendChild(input);
    var count = document.createElement("p");
    count.id = "saring-jumlah";
    count.className = "saring-jumlah";
    count.setAttribute("role", "status");
    box.insertBefore(count, box.firstChild);
    box.insertBefore(label, box.firstChild);

    function update() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " dari " + rows.length + " indikator ditampilkan";
    }
    input.addEventListener("input", update);
    update();

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "urut";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
          other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var result = compare(cellText(a, index), cellText(b, index));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function enhanceAbbreviations(root) {
    Array.prototype.forEach.call(root.querySelectorAll("abbr[title]"), function (abbr) {
      if (abbr.dataset.siap) return;
      abbr.dataset.siap = "1";
      abbr.tabIndex = 0;
      abbr.setAttribute("role", "button");
      abbr.setAttribute("aria-expanded", "false");
      abbr.dataset.kepanjangan = abbr.getAttribute("title");
      abbr.setAttribute("aria-label", abbr.textContent + ": " + abbr.dataset.kepanjangan);
    });
  }

  function toggleAbbreviation(abbr) {
    var open = abbr.getAttribute("aria-expanded") === "true";
    document.querySelectorAll("abbr[aria-expanded='true']").forEach(function (other) {
      other.setAttribute("aria-expanded", "false");
    });
    abbr.setAttribute("aria-expanded", open ? "false" : "true");
  }

  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[data-kepanjangan]");
    if (abbr) {
      toggleAbbreviation(abbr);
    } else {
      document.querySelectorAll("abbr[aria-expanded='true']").forEach(function (other) {
        other.setAttribute("aria-expanded", "false");
      });
    }
  });
  document.addEventListener("keydown", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[data-kepanjangan]");
    if (abbr && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      toggleAbbreviation(abbr);
    }
  });

  /* "/" (as on many sites) goes to the search page, or into its box when already there. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    var box = document.getElementById("cari-kueri");
    if (box && !box.closest("[hidden]")) box.focus();
    else location.href = new URL("cari/#cari-kueri", siteRoot).href;
  });

  /* A table wider than the screen scrolls inside its box (Material's .md-typeset__scrollwrap):
     that box must be reachable by keyboard and named (WCAG 2.1.1, axe scrollable-region-focusable). */
  function scrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Tabel, geser ke samping untuk melihat semua kolom");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  function init() {
    document.querySelectorAll(".tabel-saring").forEach(enhanceTable);
    enhanceAbbreviations(document);
    scrollableTables();
  }
  window.addEventListener("resize", scrollableTables);

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
