/* The Pagefind candidate of the search benchmark, plugged into content/assets/cari.js.

   Not part of the site: bench/pagefind.py copies it to assets/cari-pagefind.js of a
   benchmark copy and loads it before cari.js on the page cari-pagefind/. It loads
   site/pagefind/pagefind.js (and through it the WebAssembly core, the metadata, the
   index chunks of the searched words and the fragments of the results shown) and runs
   Pagefind without its web worker. Pagefind requires every word of a query; so that a
   page matching only some words still ranks (as with lunr), the words are also searched
   one by one and their scores added below the pages that match all of them. */
(function (root) {
  "use strict";

  /* The text of a Pagefind excerpt ("… <mark>kata</mark> …", entities escaped) as safe DOM nodes. */
  function excerptNodes(markup) {
    var doc = new DOMParser().parseFromString("<p>" + markup + "</p>", "text/html");
    var out = [];
    Array.prototype.forEach.call(doc.body.firstChild.childNodes, function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.push(mark);
      } else {
        out.push(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function PagefindEngine(site) {
    this.site = site;
    this.pf = null;
  }

  PagefindEngine.prototype.load = function () {
    var self = this;
    return import(this.site.url("pagefind/pagefind.js")).then(function (pf) {
      self.pf = pf;
      return pf.options({
        noWorker: true,
        baseUrl: self.site.root.pathname,
        excerptLength: 24,
        ranking: { metaWeights: { title: 5, istilah_judul: 5, istilah: 1 } }
      });
    });
  };

  PagefindEngine.prototype.search = function (words, stems) {
    var pf = this.pf;
    var queue = [];
    var whole = new Map();
    var single = words.length > 1 ? words.map(function () { return new Map(); }) : [];
    function add(text, into) { queue.push([text, into]); }
    add(words.join(" "), whole);
    if (stems.join(" ") !== words.join(" ")) add(stems.join(" "), whole);
    single.forEach(function (map, i) {
      add(words[i], map);
      if (stems[i] !== words[i]) add(stems[i], map);
    });
    function next(index) {
      if (index === queue.length) return Promise.resolve();
      return pf.search(queue[index][0]).then(function (found) {
        var into = queue[index][1];
        found.results.forEach(function (result) {
          var seen = into.get(result.id);
          if (!seen || seen.score < result.score) into.set(result.id, { result: result, score: result.score });
        });
        return next(index + 1);
      });
    }
    return next(0).then(function () {
      var total = new Map();
      whole.forEach(function (v, id) { total.set(id, { result: v.result, score: v.score * words.length }); });
      single.forEach(function (map) {
        map.forEach(function (v, id) {
          var sum = total.get(id) || { result: v.result, score: 0 };
          sum.score += v.score;
          total.set(id, sum);
        });
      });
      return Array.from(total.values()).sort(function (a, b) { return b.score - a.score; }).map(function (v) {
        return {
          score: v.score,
          load: function () {
            return v.result.data().then(function (d) {
              return { url: d.url, title: (d.meta && d.meta.title) || d.url, nodes: excerptNodes(d.excerpt || "") };
            });
          }
        };
      });
    });
  };

  root.kinerjaCariMesin = Object.assign(root.kinerjaCariMesin || {}, { pagefind: PagefindEngine });
})(window);
