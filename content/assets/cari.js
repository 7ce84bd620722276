/* The site's own search page: loads the index on the first query, never before.

   content/cari.md holds the form, the status line and the result list; this
   script is loaded by that page only. Nothing of the index is fetched until
   the visitor types or submits a query (or opens a shared link /cari/?q=…).
   Then, from this site only (no other host), in cari/indeks/: akar.json (the
   root list and stop words for the stemmer below), lunr.js (lunr 2.3.9, as
   shipped by MkDocs), cakupan.json (the scopes) and the documents of two scopes,
   `umum` (pages of no office) and the visitor's office (?kantor=…, else the
   default), from which a lunr index is built in the browser. All of it is
   written after the build by scripts/kinerja/outputs/search/.

   Indonesian on top of lunr: stop words are dropped (unless nothing else is
   left); each word is searched exactly, as a prefix (a word still being typed)
   and as its root, found by the stemmer below (a line-by-line port of
   kinerja.outputs.search.stemmer; tests compare both on the site's whole
   vocabulary); a code such as "ik24-s40" is also searched joined. What the
   build added to each page (roots, acronym expansions, joined hyphenations,
   the page's own code) is searched in fields of its own and never shown: the
   snippet comes from the printed text.

   Numbers follow kinerja.outputs.search.numbers (77,5 = 77.5, tested against the
   port below); an exact page code shows that page alone and opens it on submit or
   from ?q=; a synonym that finds nothing is searched as its padanan (docs/pencarian.md).

   Another engine can be plugged in for the benchmark (scripts/bench/):
   a script loaded before this one puts a constructor in
   window.kinerjaCariMesin[name], and the form's data-mesin names it. */
(function (root) {
  "use strict";

  var VERSION = 1;
  var MAX_PREFIXES = 3;
  var PARTICLES = ["lah", "kah", "tah", "pun"];
  var POSSESSIVES = ["nya", "ku", "mu"];
  var DISALLOWED = ["ber/i", "di/an", "ke/i", "ke/kan", "me/an", "se/i", "se/kan", "ter/an"];
  var OUTER_ONLY = ["di", "me"];
  var VOWELS = "aiueo";
  var LETTERS = /^\p{L}+$/u;

  function isVowel(text, index) {
    return index < text.length && VOWELS.indexOf(text.charAt(index)) !== -1;
  }

  function oneOf(value, list) {
    return value !== "" && list.indexOf(value) !== -1;
  }

  function Stemmer(roots, minRoot) {
    this.roots = new Set(roots);
    this.minRoot = minRoot;
    this.cache = new Map();
  }

  Stemmer.prototype.stem = function (word) {
    var w = word.toLowerCase();
    if (!this.cache.has(w)) this.cache.set(w, this.compute(w));
    return this.cache.get(w);
  };

  Stemmer.prototype.compute = function (word) {
    if (word.length <= this.minRoot || this.roots.has(word) || !LETTERS.test(word)) return word;
    var list = this.candidates(word);
    for (var i = 0; i < list.length; i++) {
      if (this.roots.has(list[i])) return list[i];
    }
    return word;
  };

  Stemmer.prototype.inflectionForms = function (word) {
    var forms = [word];
    var current = word;
    [PARTICLES, POSSESSIVES].forEach(function (group) {
      for (var i = 0; i < group.length; i++) {
        var suffix = group[i];
        if (current.slice(-suffix.length) === suffix && current.length - suffix.length >= this.minRoot) {
          current = current.slice(0, -suffix.length);
          forms.push(current);
          break;
        }
      }
    }, this);
    return forms;
  };

  Stemmer.prototype.derivationForms = function (word) {
    var forms = [[word, ""]];
    var n = word.length;
    if (word.slice(-2) === "an" && n - 2 >= this.minRoot) forms.push([word.slice(0, -2), "an"]);
    else if (word.slice(-1) === "i" && n - 1 >= this.minRoot) forms.push([word.slice(0, -1), "i"]);
    if (word.slice(-3) === "kan" && n - 3 >= this.minRoot) forms.push([word.slice(0, -3), "kan"]);
    return forms;
  };

  function prefixOptions(word) {
    var options = [];
    ["di", "ke", "se"].forEach(function (simple) {
      if (word.indexOf(simple) === 0) options.push([simple, word.slice(2)]);
    });
    ["me", "pe"].forEach(function (cls) {
      if (word.indexOf(cls) !== 0) return;
      var rest = word.slice(2);
      var after;
      if (rest.indexOf("ny") === 0 && isVowel(rest, 2)) {
        options.push([cls, "s" + rest.slice(2)], [cls, rest]);
      } else if (rest.indexOf("ng") === 0) {
        after = rest.slice(2);
        if (isVowel(after, 0)) options.push([cls, after], [cls, "k" + after]);
        else if (oneOf(after.slice(0, 1), ["g", "h", "q", "k"])) options.push([cls, after]);
      } else if (rest.indexOf("n") === 0) {
        after = rest.slice(1);
        if (isVowel(after, 0)) options.push([cls, "n" + after], [cls, "t" + after]);
        else if (oneOf(after.slice(0, 1), ["c", "d", "j", "s", "z"])) options.push([cls, after]);
      } else if (rest.indexOf("m") === 0) {
        after = rest.slice(1);
        if (oneOf(after.slice(0, 1), ["b", "f", "v", "p"])) options.push([cls, after]);
        else if (isVowel(after, 0) || after.slice(0, 1) === "r") options.push([cls, "m" + after], [cls, "p" + after]);
      } else if (oneOf(rest.slice(0, 1), ["l", "r", "w", "y"]) && isVowel(rest, 1)) {
        options.push([cls, rest]);
      }
      if (cls === "pe") {
        if (rest.indexOf("r") === 0) options.push(["per", rest.slice(1)]);
        else if (rest.length && VOWELS.indexOf(rest.charAt(0)) === -1 && "lrwymn".indexOf(rest.charAt(0)) === -1) {
          options.push(["pe", rest]);
        }
      }
    });
    ["ber", "ter"].forEach(function (cls) {
      if (word.indexOf(cls) === 0) {
        options.push([cls, word.slice(3)]);
        if (isVowel(word, 3)) options.push([cls, word.slice(2)]);
      } else if (
        word.indexOf(cls.slice(0, 2)) === 0 && word.slice(3, 5) === "er" &&
        !oneOf(word.slice(2, 3), VOWELS.split("")) && word.slice(2, 3) !== "r"
      ) {
        options.push([cls, word.slice(2)]);
      }
    });
    return options;
  }

  Stemmer.prototype.prefixChain = function (form, suffix, used, out) {
    if (used.length === MAX_PREFIXES) return;
    var options = prefixOptions(form);
    for (var i = 0; i < options.length; i++) {
      var cls = options[i][0];
      var rest = options[i][1];
      if (rest.length < this.minRoot || used.indexOf(cls) !== -1) continue;
      if (used.length && (OUTER_ONLY.indexOf(cls) !== -1 || (cls === "se" && used[used.length - 1] !== "ke"))) continue;
      if (!used.length && DISALLOWED.indexOf(cls + "/" + suffix) !== -1) continue;
      out.push(rest);
      this.prefixChain(rest, suffix, used.concat([cls]), out);
    }
  };

  Stemmer.prototype.candidates = function (word) {
    var out = [];
    this.inflectionForms(word).forEach(function (base) {
      this.derivationForms(base).forEach(function (pair) {
        out.push(pair[0]);
        this.prefixChain(pair[0], pair[1], [], out);
      }, this);
    }, this);
    var seen = new Set([word]);
    return out.filter(function (c) {
      if (seen.has(c)) return false;
      seen.add(c);
      return true;
    });
  };

  function fromData(data) {
    if (!data || data.version !== VERSION || !Array.isArray(data.roots)) return null;
    return {
      stemmer: new Stemmer(data.roots, data.min_root),
      stopwords: new Set(data.stopwords || []),
      synonyms: data.synonyms || {}
    };
  }

  /* The words of a query worth searching: lower case, stop words dropped unless nothing else is left;
     a number keeps its decimal mark and its percent sign ("89 persen" and "89 %" become "89%"). */
  function queryWords(query, stopwords) {
    var parts = query.toLowerCase().replace(/([0-9])\s*(?:%|persen(?![\p{L}\p{N}]))/gu, "$1%").split(/\s+/)
      .map(function (part) {
        return part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, "").replace(/(^|[^0-9])%+$/u, "$1");
      }).filter(Boolean);
    var kept = parts.filter(function (part) { return !stopwords.has(part); });
    return kept.length ? kept : parts;
  }

  /* The index words of a number as typed (numbers.py): "77,5" and "77.5" → ["77_5"], "89%" → ["89", "89persen"];
     null for a word that is not a number. */
  function numberTerms(word) {
    var match = /^([0-9]+(?:[.,][0-9]+)*)(%?)$/.exec(word);
    if (!match) return null;
    var term = match[1].replace(/[.,]/g, "_");
    return match[2] ? [term, term + "persen"] : [term];
  }

  /* Printed text with its numbers whole, as the build reads them (numbers.printed_numbers): "77,5%" → "77_5%". */
  var PRINTED_NUMBER = /(^|[^\p{L}\p{N}_.,-])([0-9]+(?:[.,][0-9]+)+)(?![0-9]|[.,][0-9]|[\p{L}_])/gu;

  function joinNumbers(text) {
    return text.replace(PRINTED_NUMBER, function (all, before, number) { return before + number.replace(/[.,]/g, "_"); });
  }

  /* A query as a page code, lower case without hyphens or spaces ("IK24-K03" → "ik24k03"); "" if it is not one. */
  function codeKey(query) {
    var key = query.toLowerCase().replace(/[\s-]+/g, "");
    return /^[a-z]+[0-9]{2}[a-z0-9]+$/.test(key) ? key : "";
  }

  var api = {
    Stemmer: Stemmer, fromData: fromData, queryWords: queryWords,
    numberTerms: numberTerms, joinNumbers: joinNumbers, codeKey: codeKey
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;
  root.kinerjaCari = api;

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 180;
  var ENGINE_ATTRIBUTE = "data-mesin";
  var script = document.currentScript;
  /* This file is assets/cari.js: the site root is one folder up, wherever the site is published. */
  var siteRoot = new URL("../", script && script.src ? script.src : location.href);

  function siteUrl(path) {
    return new URL(path, siteRoot).href;
  }

  function getJson(path) {
    return fetch(siteUrl(path), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.json();
    });
  }

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = siteUrl(path);
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error(path)); };
      document.head.appendChild(tag);
    });
  }

  function hitTest(terms) {
    terms = terms.map(function (term) { return (numberTerms(term) || [term])[0]; }); /* 77.5 marks 77,5 */
    return function (token) {
      var word = joinNumbers(token.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, ""));
      return terms.some(function (term) { return term.length > 1 && word.indexOf(term) === 0; });
    };
  }

  /* A snippet of plain text around the first word that starts with one of `terms`, those words marked;
     the description instead when the text has no such word (or no text at all). */
  function snippetNodes(text, description, terms) {
    var hit = hitTest(terms);
    var tokens = text.split(/(\s+)/);
    var first = -1;
    for (var i = 0; i < tokens.length; i++) {
      if (hit(tokens[i])) { first = i; break; }
    }
    if (first < 0 && description) {
      tokens = description.split(/(\s+)/);
      first = 0;
    }
    var start = Math.max(0, first - 16);
    var end = Math.min(tokens.length, start + 52);
    var out = [];
    if (start > 0) out.push(document.createTextNode("… "));
    for (var j = start; j < end; j++) {
      if (hit(tokens[j])) {
        var mark = document.createElement("mark");
        mark.textContent = tokens[j];
        out.push(mark);
      } else {
        out.push(document.createTextNode(tokens[j]));
      }
    }
    if (end < tokens.length) out.push(document.createTextNode(" …"));
    return out;
  }

  /* --- lunr ------------------------------------------------------------------------------------------ */

  function LunrEngine() {
    this.index = null;
    this.docs = [];
    this.codes = {};
    this.scopes = {}; /* scope → promise: its codes are known */
    this.manifest = null;
  }

  /* Remember the page of every code among `docs` (a row's or a document's address ends in its code). */
  LunrEngine.prototype.addCodes = function (docs) {
    var codes = this.codes;
    docs.forEach(function (d) {
      var slug = /^kinerja\/[^/]+\/([^/]*-[^/]*)\/$/.exec(d[0]);
      var key = slug && /[0-9]/.test(slug[1]) ? slug[1].replace(/-/g, "") : "";
      if (key) codes[key] = codes[key] === undefined ? d : null; /* null: two pages, no single answer */
    });
  };

  /* The page a query names by its code, or null. Another office's code (IK24-6472-S07) reads that office's
     documents for their addresses only, so the code is found from any office's search page. */
  LunrEngine.prototype.code = function (query) {
    var self = this;
    var key = codeKey(query);
    var office = /^(?:rkt|ik|ss|pg)[0-9]{2}(ri|[0-9]{4}|[0-9]{2})[ks]/.exec(key);
    var scope = office ? "kantor-" + office[1] : "";
    if (scope && this.manifest.scopes[scope] !== undefined && !this.scopes[scope]) {
      this.scopes[scope] = getJson("cari/indeks/" + scope + ".json").then(function (part) { self.addCodes(part.docs); });
    }
    return (this.scopes[scope] || Promise.resolve()).then(function () {
      var d = key && self.codes[key];
      if (!d) return null;
      return { url: siteUrl(d[0]), title: d[1], nodes: snippetNodes("", d[6] || "", []) };
    });
  };

  LunrEngine.prototype.load = function () {
    var self = this;
    var wanted = "kantor-" + (new URLSearchParams(location.search).get("kantor") || "").toLowerCase();
    return loadScript("cari/indeks/lunr.js").then(function () {
      return getJson("cari/indeks/cakupan.json");
    }).then(function (manifest) {
      self.manifest = manifest;
      var office = manifest.scopes[wanted] !== undefined ? wanted : manifest.default;
      // Searching another office than the site's own: say so with every result count.
      self.scopeLabel = office !== manifest.default ? office.slice("kantor-".length).toUpperCase() : "";
      var names = [manifest.common].concat(office && office !== manifest.common ? [office] : []);
      names.forEach(function (name) { self.scopes[name] = Promise.resolve(); });
      return Promise.all(names.map(function (name) { return getJson("cari/indeks/" + name + ".json"); }));
    }).then(function (parts) {
      parts.forEach(function (part) { self.docs = self.docs.concat(part.docs); });
      self.addCodes(self.docs);
      var lunr = root.lunr;
      lunr.tokenizer.separator = /[\s\-,:;!=\[\]()"/.«»…·|]+/;
      self.index = lunr(function () {
        this.pipeline.reset();
        this.searchPipeline.reset();
        this.pipeline.add(lunr.trimmer);
        this.ref("i");
        this.field("t", { boost: 10 });
        this.field("x");
        this.field("tt", { boost: 10 });
        this.field("xt");
        self.docs.forEach(function (d, i) {
          this.add({ i: String(i), t: joinNumbers(d[1]), x: joinNumbers(d[2]), tt: d[3], xt: d[4] }, { boost: d[5] });
        }, this);
      });
    });
  };

  LunrEngine.prototype.search = function (words, stems) {
    var lunr = root.lunr;
    var docs = this.docs;
    var found = this.index.query(function (q) {
      words.forEach(function (word, i) {
        var numbers = numberTerms(word);
        if (numbers) { /* the whole number only ("5" is not "77,5"); with "%", the percentage first */
          q.term(numbers[numbers.length - 1], { boost: 10 });
          if (numbers.length > 1) q.term(numbers[0], { boost: 3 });
          return;
        }
        lunr.tokenizer(word).forEach(function (token) {
          var t = lunr.trimmer(token).toString();
          if (!t) return;
          q.term(t, { boost: 10 });
          if (t.length > 1) q.term(t, { boost: 1, wildcard: lunr.Query.wildcard.TRAILING });
        });
        if (/\d/.test(word) && /-/.test(word)) q.term(word.replace(/-/g, ""), { boost: 10 });
        if (stems[i] !== word) q.term(stems[i], { boost: 5 });
      });
    });
    var terms = words.concat(stems);
    return Promise.resolve(found.map(function (hit) {
      var d = docs[Number(hit.ref)];
      return {
        score: hit.score,
        load: function () {
          return Promise.resolve({ url: siteUrl(d[0]), title: d[1], nodes: snippetNodes(d[2], d[6] || "", terms) });
        }
      };
    }));
  };

  /* --- all offices ---------------------------------------------------------------------------------- */

  /* ?kantor=semua: the all-offices index (assets/cari-semua.js, loaded on the first query in that mode). */
  var ALL = "semua";

  function AllOfficesEngine(helpers) {
    this.helpers = Object.assign({
      LunrEngine: LunrEngine, snippetNodes: snippetNodes, codeKey: codeKey, numberTerms: numberTerms
    }, helpers);
    this.inner = null;
    this.scopeNote = " di semua kantor";
  }

  AllOfficesEngine.prototype.load = function () {
    var self = this;
    return loadScript("assets/cari-semua.js").then(function () {
      self.inner = new root.kinerjaCariSemua(self.helpers);
      return self.inner.load();
    });
  };

  AllOfficesEngine.prototype.code = function (query) { return this.inner.code(query); };

  AllOfficesEngine.prototype.search = function (words, stems) { return this.inner.search(words, stems); };

  function wantsAll() {
    return (new URLSearchParams(location.search).get("kantor") || "").toLowerCase() === ALL;
  }

  /* --- the page ----------------------------------------------------------------------------------- */

  function Page(form) {
    this.form = form;
    this.input = form.querySelector("input[name=q]");
    this.status = document.getElementById("cari-status");
    this.list = document.getElementById("cari-hasil");
    this.more = document.getElementById("cari-lagi");
    this.engine = null;
    this.ready = null;
    this.choose();
    this.words = null;
    this.sequence = 0;
    this.items = [];
    this.shown = 0;
    this.query = "";
    this.note = "";
  }

  /* The engine of the chosen scope: one office (lunr, or a benchmark's engine), or all offices. */
  Page.prototype.choose = function () {
    var engines = Object.assign({ lunr: LunrEngine }, root.kinerjaCariMesin || {});
    var Engine = engines[this.form.getAttribute(ENGINE_ATTRIBUTE)] || LunrEngine;
    if (Engine === LunrEngine && wantsAll()) Engine = AllOfficesEngine;
    if (this.engine && this.engine instanceof Engine) return;
    this.engine = new Engine({ root: siteRoot, url: siteUrl, json: getJson, script: loadScript });
    this.ready = null;
  };

  Page.prototype.start = function () {
    var self = this;
    if (!this.ready) {
      this.say("Memuat indeks pencarian…");
      this.ready = Promise.all([this.engine.load(), getJson("cari/indeks/akar.json")]).then(function (loaded) {
        self.words = fromData(loaded[1]);
        if (!self.words) throw new Error("akar.json");
      });
    }
    return this.ready;
  };

  Page.prototype.say = function (text) {
    this.status.textContent = text;
  };

  /* Search for `query` and show the results. `open`: the visitor submitted the query, or it came in the
     address: a query that is one page's code then opens that page instead (typing never leaves the page). */
  Page.prototype.run = function (query, open) {
    var self = this;
    var sequence = ++this.sequence;
    query = query.trim();
    this.query = query;
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url.href);
    if (!query) {
      this.list.textContent = "";
      this.more.hidden = true;
      this.say("");
      return Promise.resolve();
    }
    this.note = "";
    return this.start().then(function () {
      return self.engine.code ? self.engine.code(query) : null;
    }).then(function (page) {
      if (page && open && sequence === self.sequence) {
        self.say("Membuka halaman kode «" + query + "»…");
        location.replace(page.url);
        return null;
      }
      if (page) {
        self.note = " (kode halaman; Enter membukanya)";
        return [{ score: 1, load: function () { return Promise.resolve(page); } }];
      }
      var words = queryWords(query, self.words.stopwords);
      return self.find(words).then(function (items) {
        var synonyms = self.words.synonyms;
        var wider = [].concat.apply([], words.map(function (w) { return synonyms[w] || [w]; }));
        wider = wider.filter(function (w) { return !self.words.stopwords.has(w); });
        if (items.length || wider.join(" ") === words.join(" ")) return items;
        self.note = ", dicari sebagai padanannya «" + wider.join(" ") + "»";
        return self.find(wider);
      });
    }).then(function (items) {
      if (sequence !== self.sequence || !items) return null;
      self.items = items;
      self.shown = 0;
      self.list.textContent = "";
      return self.show(sequence);
    }).catch(function () {
      if (sequence === self.sequence) self.say("Pencarian gagal dimuat. Muat ulang halaman, atau telusuri daftar di bawah.");
    });
  };

  Page.prototype.find = function (words) {
    var stemmer = this.words.stemmer;
    return this.engine.search(words, words.map(function (w) { return stemmer.stem(w); }));
  };

  Page.prototype.show = function (sequence) {
    var self = this;
    var batch = this.items.slice(this.shown, this.shown + PAGE_SIZE);
    return Promise.all(batch.map(function (item) { return item.load(); })).then(function (loaded) {
      if (sequence !== self.sequence) return;
      var firstNew = null;
      loaded.forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = hit.url;
        a.textContent = hit.title;
        a.className = "cari-hasil__judul";
        var p = document.createElement("p");
        p.className = "cari-hasil__cuplikan";
        hit.nodes.forEach(function (node) { p.appendChild(node); });
        li.appendChild(a);
        li.appendChild(p);
        if (hit.more) li.appendChild(hit.more);
        self.list.appendChild(li);
        firstNew = firstNew || a;
      });
      self.shown += loaded.length;
      var total = self.items.length;
      self.more.hidden = self.shown >= total;
      if (!total) {
        self.say("Tidak ada hasil untuk «" + self.query + "»" + self.scopeNote() + ". Coba kata lain atau kata dasarnya, " +
          "atau buka ");
        [["kinerja/glosarium/", "Glosarium"], ["kinerja/indikator/", "Semua indikator"], ["kinerja/sasaran/", "Sasaran strategis"]]
          .forEach(function (link, i) {
            var a = document.createElement("a");
            a.href = siteUrl(link[0]);
            a.textContent = link[1];
            self.status.append(i ? (i === 2 ? " atau " : ", ") : "", a);
          });
        self.status.append(".");
      } else {
        self.say(total + " hasil untuk «" + self.query + "»" + self.scopeNote() + self.note +
          (total > self.shown ? ", " + self.shown + " ditampilkan." : "."));
      }
      return firstNew;
    });
  };

  Page.prototype.scopeNote = function () {
    if (this.engine && this.engine.scopeNote) return this.engine.scopeNote;
    var label = this.engine && this.engine.scopeLabel;
    return label ? " di dokumen kantor " + label + " dan halaman umum" : "";
  };

  function init() {
    var form = document.getElementById("cari-form");
    if (!form || form.dataset.siap) return;
    form.dataset.siap = "1";
    var page = new Page(form);
    form.hidden = false;
    var timer = null;
    page.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { page.run(page.input.value); }, DEBOUNCE_MS);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      page.run(page.input.value, true);
    });
    var scopes = form.querySelectorAll("input[name=kantor]");
    var chosen = (new URLSearchParams(location.search).get("kantor") || "").toLowerCase();
    scopes.forEach(function (radio) {
      if (radio.value !== ALL && chosen && chosen !== ALL) radio.value = chosen; /* ?kantor=6472: that office */
      radio.checked = (radio.value === ALL) === wantsAll();
      radio.addEventListener("change", function () {
        var url = new URL(location.href);
        if (radio.value) url.searchParams.set("kantor", radio.value);
        else url.searchParams.delete("kantor");
        history.replaceState(null, "", url.href);
        page.choose();
        if (page.input.value.trim()) page.run(page.input.value);
      });
    });
    page.more.addEventListener("click", function () {
      page.show(page.sequence).then(function (first) { if (first) first.focus(); });
    });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      page.input.value = initial;
      var arrival = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
      page.run(initial, !arrival || arrival.type === "navigate"); /* not when coming back to this page */
    } else if (location.hash === "#" + page.input.id) {
      page.input.focus(); /* arrived with the "/" key (assets/kinerja.js) */
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(typeof window !== "undefined" ? window : globalThis);
