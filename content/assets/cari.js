/* Indonesian search terms for Material for MkDocs' built-in search, without third-party code.

   The build (scripts/kinerja/search.py) adds to search/search_index.json the
   stems of every page's words, acronym expansions and the like, in fields
   that lunr searches but Material never shows, and writes the list of known
   roots and stop words to search/id_stemmer.json. This script loads that
   list and rewrites each query on its way to Material's search worker: stop
   words are dropped (unless nothing else is left) and the stem of each word
   is added as an exact term ("pemutakhiran data" → "pemutakhiran data
   mutakhir^1"), so that every affixed form finds the others; a code such as
   "ik24-s40" is also sent joined ("ik24s40^1"), as the build indexes it.

   The stemmer below is a line-by-line port of kinerja.search.Stemmer; tests
   compare both on the site's whole vocabulary. Queries with search syntax
   (quotes, +, -, *, ~, ^, field:) are passed on unchanged. If the data file
   is missing or the worker speaks another protocol (another search engine,
   such as Zensical's), nothing changes and search works as before, only
   without the Indonesian extras. */
(function (root) {
  "use strict";

  var FILE = "id_stemmer.json";
  var VERSION = 1;
  var QUERY = 2; /* Material 9.x SearchMessageType.QUERY: { type: 2, data: "query text" } */
  var MAX_PREFIXES = 3;
  var PARTICLES = ["lah", "kah", "tah", "pun"];
  var POSSESSIVES = ["nya", "ku", "mu"];
  var DISALLOWED = ["ber/i", "di/an", "ke/i", "ke/kan", "me/an", "se/i", "se/kan", "ter/an"];
  var OUTER_ONLY = ["di", "me"];
  var VOWELS = "aiueo";
  var LETTERS = /^\p{L}+$/u;
  var LETTER_RUNS = /\p{L}+/gu;
  var SYNTAX = /["*~^:]|(^|\s)[+-]/;
  var CODE = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u; /* "ik24-s40" is also sent joined: "ik24s40" */

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

  /* The query Material's worker receives: stop words dropped, stems added as exact terms. */
  function expand(query, stemmer, stopwords) {
    if (SYNTAX.test(query)) return query;
    var parts = query.trim().split(/\s+/).filter(Boolean);
    var content = parts.filter(function (part) { return !stopwords.has(part.toLowerCase()); });
    var kept = content.length ? content : parts;
    var extra = [];
    kept.forEach(function (part) {
      var code = part.toLowerCase();
      if (CODE.test(code) && /\d/.test(code)) extra.push(code.replace(/-/g, ""));
      (part.match(LETTER_RUNS) || []).forEach(function (word) {
        var s = stemmer.stem(word);
        if (s !== word.toLowerCase() && !stopwords.has(s) && extra.indexOf(s) === -1) extra.push(s);
      });
    });
    return kept.concat(extra.map(function (s) { return s + "^1"; })).join(" ");
  }

  function fromData(data) {
    if (!data || data.version !== VERSION || !Array.isArray(data.roots)) return null;
    return { stemmer: new Stemmer(data.roots, data.min_root), stopwords: new Set(data.stopwords || []) };
  }

  var api = { Stemmer: Stemmer, expand: expand, fromData: fromData, state: null };

  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof root.Worker !== "function" || typeof root.fetch !== "function") return;
  root.kinerjaCari = api;

  var post = root.Worker.prototype.postMessage;
  var pending = null;

  function dataUrl() {
    var el = document.getElementById("__config");
    var base = el ? JSON.parse(el.textContent).base : ".";
    return new URL(base + "/search/" + FILE, location.href).href;
  }

  /* A query typed before the data arrived went through unchanged; send it again, expanded. */
  function redo() {
    if (api.state && pending) {
      post.call(pending.worker, { type: QUERY, data: expand(pending.query, api.state.stemmer, api.state.stopwords) });
    }
    pending = null;
  }

  root.Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    try {
      if (message && message.type === QUERY && typeof message.data === "string") {
        if (api.state) {
          args[0] = { type: QUERY, data: expand(message.data, api.state.stemmer, api.state.stopwords) };
        } else {
          pending = message.data.trim() ? { worker: this, query: message.data } : null;
          if (pending) load(); /* Material sends an empty query at start: not a reason to load */
        }
      }
    } catch (err) {
      /* Never let the extras break search itself. */
    }
    return post.apply(this, args);
  };

  /* The word list is fetched when search is first used, not with every page: it is not needed
     for reading, and a page's first load stays within its weight budget. */
  var loading = false;
  function load() {
    if (loading) return;
    loading = true;
    try {
      fetch(dataUrl())
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          api.state = fromData(data);
          redo();
        })
        .catch(function () { pending = null; });
    } catch (err) {
      /* No data, no extras. */
    }
  }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("input.md-search__input")) load();
  });
})(typeof window !== "undefined" ? window : globalThis);
