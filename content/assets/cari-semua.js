/* The search page's "all offices" engine (/cari/?kantor=semua): loaded by cari.js on the first query in
   that mode, never before.

   The index is written after the build by scripts/kinerja/outputs/search/semua.py into
   cari/indeks/semua/: indeks.json (the first term of each file of postings), t<n>.json (terms → postings),
   d<n>.json (what a shown result needs) and k<n>.json (the offices of a grouped result, read only when its
   list is opened). A query reads indeks.json, the file of each of its words (a prefix of a word being typed
   is usually in the same file) and the files of the results shown; no lunr, no whole index.

   The words of a query are the per-office search's (cari.js: stop words, stems, numbers, codes joined), and
   the scores are lunr's for the same clauses (exact ×10, prefix ×1, root ×5), summed from the weights the
   build computed; a group of offices with the same words is one result "di N kantor". */
(function (root) {
  "use strict";

  var FOLDER = "cari/indeks/semua/";
  var VERSION = 1;
  /* A prefix that spans more files than this (a word of one or two letters) searches only its own file. */
  var MAX_PREFIX_FILES = 3;
  var SEPARATOR = /[\s\-,:;!=\[\]()"/.«»…·|]+/;

  function tokens(word) {
    return word.toLowerCase().split(SEPARATOR).map(function (t) {
      return t.replace(/^\W+/, "").replace(/\W+$/, "");
    }).filter(Boolean);
  }

  /* The number of the file of postings that holds `term`: the last whose first term is not after it. */
  function fileOf(firsts, term) {
    var low = 0;
    var high = firsts.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (firsts[mid] <= term) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  function AllOffices(helpers) {
    this.h = helpers;
    this.manifest = null;
    this.files = {};
    this.scopeNote = " di semua kantor";
    this.codeLookup = null;
  }

  AllOffices.prototype.get = function (name) {
    if (!this.files[name]) this.files[name] = this.h.json(FOLDER + name + ".json");
    return this.files[name];
  };

  AllOffices.prototype.load = function () {
    var self = this;
    return this.get("indeks").then(function (manifest) {
      if (!manifest || manifest.version !== VERSION) throw new Error("semua/indeks.json");
      self.manifest = manifest;
    });
  };

  /* The page of a code, as the per-office search finds it: from that office's documents (their addresses). */
  AllOffices.prototype.code = function (query) {
    if (!this.h.codeKey(query)) return Promise.resolve(null);
    var self = this;
    if (!this.codeLookup) {
      this.codeLookup = this.h.json("cari/indeks/cakupan.json").then(function (scopes) {
        var engine = new self.h.LunrEngine();
        engine.manifest = scopes;
        var home = scopes.default;
        engine.scopes[home] = self.h.json("cari/indeks/" + home + ".json").then(function (part) {
          engine.addCodes(part.docs);
        });
        engine.scopes[""] = engine.scopes[home];
        return engine;
      });
    }
    return this.codeLookup.then(function (engine) { return engine.code(query); });
  };

  /* lunr's clauses for the words of a query (cari.js LunrEngine.search): [term, boost, prefix]. */
  AllOffices.prototype.clauses = function (words, stems) {
    var numberTerms = this.h.numberTerms;
    var out = [];
    words.forEach(function (word, i) {
      var numbers = numberTerms(word);
      if (numbers) {
        out.push([numbers[numbers.length - 1], 10, false]);
        if (numbers.length > 1) out.push([numbers[0], 3, false]);
        return;
      }
      tokens(word).forEach(function (t) {
        out.push([t, 10, false]);
        if (t.length > 1) out.push([t, 1, true]);
      });
      if (/\d/.test(word) && /-/.test(word)) out.push([word.replace(/-/g, ""), 10, false]);
      if (stems[i] !== word) out.push([stems[i], 5, false]);
    });
    return out;
  };

  /* The files of postings a clause needs (a prefix: every file its words may be in, up to MAX_PREFIX_FILES). */
  AllOffices.prototype.filesOf = function (clause) {
    var firsts = this.manifest.shards;
    var first = fileOf(firsts, clause[0]);
    var last = clause[2] ? fileOf(firsts, clause[0] + "\uffff") : first;
    if (last - first + 1 > MAX_PREFIX_FILES) last = first;
    var out = [];
    for (var n = first; n <= last; n++) out.push(n);
    return out;
  };

  AllOffices.prototype.search = function (words, stems) {
    var self = this;
    var clauses = this.clauses(words, stems);
    var wanted = {};
    clauses.forEach(function (clause) { self.filesOf(clause).forEach(function (n) { wanted[n] = true; }); });
    var names = Object.keys(wanted);
    return Promise.all(names.map(function (n) { return self.get("t" + n); })).then(function (parts) {
      var shard = {};
      names.forEach(function (n, i) { shard[n] = parts[i]; });
      var scores = new Map();
      clauses.forEach(function (clause) {
        self.filesOf(clause).forEach(function (n) {
          var part = shard[n];
          var matched = clause[2]
            ? Object.keys(part).filter(function (term) { return term.indexOf(clause[0]) === 0; })
            : (Object.prototype.hasOwnProperty.call(part, clause[0]) ? [clause[0]] : []);
          matched.forEach(function (term) {
            var flat = part[term];
            var half = flat.length / 2;
            var doc = 0;
            for (var k = 0; k < half; k++) {
              doc += flat[k];
              scores.set(doc, (scores.get(doc) || 0) + clause[1] * flat[half + k]);
            }
          });
        });
      });
      var ranked = Array.from(scores.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      var terms = words.concat(stems);
      return ranked.map(function (entry) {
        return { doc: entry[0], score: entry[1], load: function () { return self.result(entry[0], terms); } };
      });
    });
  };

  /* One result as the page shows it; a group of offices adds its count, comparison page and office list. */
  AllOffices.prototype.result = function (doc, terms) {
    var self = this;
    var per = this.manifest.per_file;
    var file = Math.floor(doc / per);
    return this.get("d" + file).then(function (rows) {
      var d = rows[doc % per];
      return {
        url: self.h.url(d[0]),
        title: d[1],
        nodes: self.h.snippetNodes(d[2], d[3] || "", terms),
        more: self.groupNodes(d, file, doc % per)
      };
    });
  };

  AllOffices.prototype.groupNodes = function (d, file, position) {
    var self = this;
    var p = document.createElement("p");
    p.className = "cari-hasil__kantor";
    if (d[4] < 2) {
      if (!d[6]) return null;
      p.textContent = d[6];
      return p;
    }
    p.append("Teks yang sama di " + d[4] + " kantor");
    if (d[5]) {
      var compare = document.createElement("a");
      compare.href = this.h.url(d[5]);
      compare.textContent = "bandingkan antarkantor";
      p.append(" · ", compare);
    }
    var details = document.createElement("details");
    details.className = "cari-hasil__daftar";
    var summary = document.createElement("summary");
    summary.textContent = "Halaman setiap kantor (" + d[4] + ")";
    var list = document.createElement("ul");
    details.append(summary, list);
    details.addEventListener("toggle", function () {
      if (!details.open || list.childElementCount) return;
      list.setAttribute("aria-busy", "true");
      self.get("k" + file).then(function (groups) {
        (groups[position] || []).forEach(function (member) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = self.h.url(member[0]);
          a.textContent = member[1];
          li.appendChild(a);
          list.appendChild(li);
        });
        list.removeAttribute("aria-busy");
      });
    });
    var box = document.createElement("div");
    box.append(p, details);
    return box;
  };

  root.kinerjaCariSemua = AllOffices;
})(typeof window !== "undefined" ? window : globalThis);
