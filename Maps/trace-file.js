// A GPS trace read in the browser (nothing is uploaded): the first track, route or LineString
// of a GPX or KML file as [lon, lat] positions, for a road or a canal walked with a phone.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});

  function fail(key, vars) { throw new Error(WA.t(key, vars)); }

  // GPX: the points of the first track segment with two or more, else of the first route.
  function gpx(doc) {
    var groups = Array.prototype.slice.call(doc.getElementsByTagNameNS('*', 'trkseg'))
      .concat(Array.prototype.slice.call(doc.getElementsByTagNameNS('*', 'rte')));
    for (var i = 0; i < groups.length; i++) {
      var points = Array.prototype.filter.call(groups[i].children, function (n) {
        return n.localName === 'trkpt' || n.localName === 'rtept';
      }).map(function (n) { return [Number(n.getAttribute('lon')), Number(n.getAttribute('lat'))]; });
      if (points.length >= 2) return points;
    }
    return [];
  }

  // KML: the first LineString's (or gx:Track's) coordinates, "lon,lat[,alt]" separated by spaces.
  function kml(doc) {
    var line = doc.getElementsByTagNameNS('*', 'LineString')[0];
    if (line) {
      var text = (line.getElementsByTagNameNS('*', 'coordinates')[0] || {}).textContent || '';
      return text.trim().split(/\s+/).filter(Boolean).map(function (t) {
        var p = t.split(',');
        return [Number(p[0]), Number(p[1])];
      });
    }
    return Array.prototype.map.call(doc.getElementsByTagNameNS('*', 'coord'), function (n) {
      var p = n.textContent.trim().split(/\s+/);
      return [Number(p[0]), Number(p[1])];
    });
  }

  WA.traceFile = {
    read: function (text, name) {
      var doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) fail('traceUnreadable', { detail: name });
      var root = doc.documentElement.localName;
      var points = root === 'gpx' ? gpx(doc) : root === 'kml' ? kml(doc) : fail('traceNotGPXOrKML', { detail: name });
      if (points.some(function (p) { return !isFinite(p[0]) || !isFinite(p[1]); })) fail('traceUnreadable', { detail: name });
      // Consecutive repeats (a phone standing still) add nothing to a line.
      points = points.filter(function (p, i) { return i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]; });
      if (points.length < 2) fail('traceNoLine', { detail: name });
      return points;
    }
  };
})();
