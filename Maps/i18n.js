// All user-visible strings of the map page, Vietnamese (default) and English.
// WA.t(key) looks a key up in the current language; WA.term(group, code) translates a
// vocabulary code (category, status, programme, …) and falls back to the code itself.
(function () {
  'use strict';
  var WA = (window.WA = window.WA || {});

  var strings = {
    vi: {
      title: 'Bản đồ nghèo và công trình hạ tầng',
      titleOf: 'Bản đồ nghèo và công trình hạ tầng — {province}',
      subtitle: 'Chương trình MTQG giảm nghèo bền vững 2016–2020 (30a, 135)',
      switchLang: 'English',
      loading: 'Đang tải dữ liệu…',
      retry: 'Thử lại',
      close: 'Đóng',
      indicator: 'Chỉ tiêu tô màu xã',
      ind_poverty: 'Tỷ lệ hộ nghèo',
      ind_change: 'Mức giảm tỷ lệ nghèo (điểm %/năm)',
      ind_coverage: 'Độ phủ công trình',
      year: 'Năm số liệu',
      category: 'Loại công trình',
      search: 'Tìm xã',
      searchPlaceholder: 'Tên xã, ví dụ: Binh Gia',
      searchNone: 'Không tìm thấy xã nào',
      works: 'Công trình',
      showWorks: 'Hiện công trình',
      programme: 'Chương trình',
      all: 'Tất cả',
      status: 'Trạng thái',
      worksShown: '{n} / {total} công trình đang hiện',
      legendNoData: 'Không có số liệu',
      legendPoverty: 'Tỷ lệ hộ nghèo {year}',
      legendChange: 'Giảm tỷ lệ nghèo {base}–{year} (điểm %/năm)',
      legendCoverage: 'Tỷ lệ hộ được phục vụ: {category}',
      legendLineHint: 'Nét đứt, vòng rỗng: chưa xây xong; nhạt: đã hủy.',
      legendDistricts: 'Ranh giới huyện',
      increase: 'tăng',
      hint: 'Bấm vào một xã hoặc công trình để xem chi tiết.',
      backgroundMap: 'Nền bản đồ',
      units: 'Đơn vị hành chính',
      unitsBefore: 'trước {year}',
      unitsToday: '{year} (hiện nay)',
      unitsCount: '{n} xã',
      errVintages: 'các bộ đơn vị hành chính',
      // commune panel
      commune: 'Xã',
      code: 'Mã',
      district: 'Huyện',
      classifications: 'Phân loại (2016–2020)',
      noClassification: 'Không thuộc diện 30a/135',
      statsOf: 'Số liệu năm {year}',
      households: 'Số hộ',
      poorHouseholds: 'Hộ nghèo',
      nearPoorHouseholds: 'Hộ cận nghèo',
      povertyRate: 'Tỷ lệ hộ nghèo',
      baseline: 'Tỷ lệ nghèo năm gốc {year}',
      change: 'Mức giảm bình quân',
      pointsPerYear: '{v} điểm %/năm',
      p1: 'Mục tiêu P1 (giảm ≥ {t} điểm %/năm)',
      coverageAndWorks: 'Độ phủ và công trình theo loại',
      coverage: 'Độ phủ',
      count: 'Số CT',
      centroidNote: 'Xã chưa có dữ liệu thôn: tính độ phủ tại tâm xã.',
      worksByStatus: 'Công trình theo trạng thái',
      investment: 'Vốn đầu tư',
      planned: 'Kế hoạch',
      disbursed: 'Đã giải ngân',
      byProgramme: 'Theo chương trình',
      bySource: 'Theo nguồn vốn',
      roads: 'Đường đã xây dựng (km)',
      roadTotal: 'Tổng chiều dài',
      surfaceUnknown: 'Chưa rõ mặt đường',
      hardenedShare: 'Tỷ lệ cứng hóa',
      noRoads: 'Chưa có đường hoàn thành trong xã.',
      povertyChart: 'Tỷ lệ hộ nghèo qua các năm',
      recorded: 'số liệu thống kê',
      estimated: 'ước tính',
      estimatedNote: 'Vòng rỗng: ước tính từ các xã cũ bị chia tách ({basis}).',
      basis_share: 'theo tỷ lệ trong quyết định',
      basis_villages: 'theo số hộ của thôn',
      basis_area: 'theo diện tích',
      unitHistory: 'Sắp xếp đơn vị hành chính',
      formedFrom: 'Hình thành từ',
      became: 'Trở thành',
      whole: 'toàn bộ',
      part: 'một phần',
      historyFailed: 'Không tải được lịch sử đơn vị: {detail}',
      // work panel
      work: 'Công trình',
      id: 'Mã công trình',
      surface: 'Mặt đường',
      roadClass: 'Cấp đường',
      communeOf: 'Xã (theo vị trí)',
      declaredCommune: 'Xã khai báo',
      disagrees: 'Khác với xã theo vị trí — cần kiểm tra',
      exactness: 'Độ chính xác vị trí',
      accuracy: 'Sai số GPS',
      villagesServed: 'Thôn, bản hưởng lợi',
      approvedOn: 'Ngày phê duyệt',
      startedOn: 'Ngày khởi công',
      completedOn: 'Ngày hoàn thành',
      investor: 'Chủ đầu tư',
      length: 'Chiều dài',
      // errors
      errLeaflet: 'Không tải được thư viện bản đồ Leaflet (/vendor/leaflet/leaflet.js).',
      errLoad: 'Không tải được {what}: {detail}',
      errConfig: 'cấu hình',
      errCommunes: 'dữ liệu xã',
      errDistricts: 'ranh giới huyện',
      errWorks: 'công trình',
      errNoCommunes: 'Máy chủ không trả về xã nào.',
      errNotGeoJSON: 'không phải GeoJSON FeatureCollection',
      errNetwork: 'lỗi mạng, máy chủ không trả lời',
      currency: 'đồng',
      // sign-in page
      signInTitle: 'Đăng nhập cho cán bộ',
      userName: 'Tên đăng nhập',
      password: 'Mật khẩu',
      signIn: 'Đăng nhập',
      loginFailed: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      backToMap: 'Về bản đồ',
      // gaps layer
      gaps: 'Thôn chưa được phục vụ',
      showGaps: 'Hiện thôn chưa được phục vụ',
      gapsHint: 'Vòng tròn: thôn chưa có công trình phục vụ loại này; to theo số hộ.',
      gapsShown: '{n} thôn chưa được phục vụ',
      errGaps: 'thôn chưa được phục vụ',
      gapHouseholds: 'Số hộ',
      gapPoor: 'Hộ nghèo ước tính',
      gapBasisVillage: 'theo số liệu của thôn',
      gapBasisCommune: 'theo tỷ lệ nghèo của xã',
      gapDistance: 'Công trình phục vụ gần nhất',
      gapNoServing: 'chưa có công trình phục vụ',
      gapCentroid: 'Xã không có danh sách thôn: tính tại tâm xã'
    },
    en: {
      title: 'Poverty and infrastructure works map',
      titleOf: 'Poverty and infrastructure works map — {province}',
      subtitle: 'National Target Programme for Sustainable Poverty Reduction 2016–2020 (30a, 135)',
      switchLang: 'Tiếng Việt',
      loading: 'Loading data…',
      retry: 'Retry',
      close: 'Close',
      indicator: 'Colour communes by',
      ind_poverty: 'Poverty rate',
      ind_change: 'Poverty reduction (points/year)',
      ind_coverage: 'Coverage by works',
      year: 'Statistics year',
      category: 'Category',
      search: 'Find a commune',
      searchPlaceholder: 'Commune name, e.g. Binh Gia',
      searchNone: 'No commune found',
      works: 'Works',
      showWorks: 'Show works',
      programme: 'Programme',
      all: 'All',
      status: 'Status',
      worksShown: '{n} of {total} works shown',
      legendNoData: 'No data',
      legendPoverty: 'Poverty rate {year}',
      legendChange: 'Poverty reduction {base}–{year} (points/year)',
      legendCoverage: 'Households served: {category}',
      legendLineHint: 'Dashed line, hollow circle: not built yet; faint: cancelled.',
      legendDistricts: 'District boundary',
      increase: 'increase',
      hint: 'Click a commune or a work for its details.',
      backgroundMap: 'Background map',
      units: 'Administrative units',
      unitsBefore: 'before {year}',
      unitsToday: '{year} (today)',
      unitsCount: '{n} communes',
      errVintages: 'administrative unit vintages',
      commune: 'Commune',
      code: 'Code',
      district: 'District',
      classifications: 'Classifications (2016–2020)',
      noClassification: 'Not a 30a/135 area',
      statsOf: 'Statistics of {year}',
      households: 'Households',
      poorHouseholds: 'Poor households',
      nearPoorHouseholds: 'Near-poor households',
      povertyRate: 'Poverty rate',
      baseline: 'Poverty rate in baseline year {year}',
      change: 'Average reduction',
      pointsPerYear: '{v} points/year',
      p1: 'Target P1 (reduce ≥ {t} points/year)',
      coverageAndWorks: 'Coverage and works by category',
      coverage: 'Coverage',
      count: 'Works',
      centroidNote: 'No village data: coverage measured at the commune centroid.',
      worksByStatus: 'Works by status',
      investment: 'Investment',
      planned: 'Planned',
      disbursed: 'Disbursed',
      byProgramme: 'By programme',
      bySource: 'By funding source',
      roads: 'Built roads (km)',
      roadTotal: 'Total length',
      surfaceUnknown: 'Surface unknown',
      hardenedShare: 'Hardened share',
      noRoads: 'No finished road in this commune.',
      povertyChart: 'Poverty rate by year',
      recorded: 'reported',
      estimated: 'estimated',
      estimatedNote: 'Hollow markers: estimated from divided older communes ({basis}).',
      basis_share: 'by the shares of the decision',
      basis_villages: 'by village households',
      basis_area: 'by area',
      unitHistory: 'Reorganisations',
      formedFrom: 'Formed from',
      became: 'Became',
      whole: 'whole',
      part: 'part',
      historyFailed: 'Could not load the unit history: {detail}',
      work: 'Work',
      id: 'Work id',
      surface: 'Surface',
      roadClass: 'Road class',
      communeOf: 'Commune (by location)',
      declaredCommune: 'Declared commune',
      disagrees: 'Differs from the commune of its location — to be checked',
      exactness: 'Location quality',
      accuracy: 'GPS accuracy',
      villagesServed: 'Villages served',
      approvedOn: 'Approved on',
      startedOn: 'Started on',
      completedOn: 'Completed on',
      investor: 'Investor',
      length: 'Length',
      errLeaflet: 'The Leaflet map library could not be loaded (/vendor/leaflet/leaflet.js).',
      errLoad: 'Could not load the {what}: {detail}',
      errConfig: 'configuration',
      errCommunes: 'communes',
      errDistricts: 'district boundaries',
      errWorks: 'works',
      errNoCommunes: 'The server returned no communes.',
      errNotGeoJSON: 'not a GeoJSON FeatureCollection',
      errNetwork: 'network error, the server did not answer',
      currency: 'VND',
      signInTitle: 'Officers sign in',
      userName: 'User name',
      password: 'Password',
      signIn: 'Sign in',
      loginFailed: 'Wrong user name or password.',
      backToMap: 'Back to the map',
      gaps: 'Villages not served',
      showGaps: 'Show villages not served',
      gapsHint: 'Circles: villages without a serving work of this category; size by households.',
      gapsShown: '{n} villages not served',
      errGaps: 'villages not served',
      gapHouseholds: 'Households',
      gapPoor: 'Estimated poor households',
      gapBasisVillage: 'from the village figures',
      gapBasisCommune: 'by the commune poverty rate',
      gapDistance: 'Nearest serving work',
      gapNoServing: 'no serving work yet',
      gapCentroid: 'Commune without a village list: measured at its centre'
    }
  };

  // The vocabularies (category, status, programme, surface, road_class, exactness, investor,
  // flag) come from the server's vocabulary.js, defined once in Swift; these two are the page's.
  var terms = {
    target_status: {
      vi: { met: 'Đạt', on_track: 'Đúng lộ trình', behind: 'Chưa đạt', no_data: 'Chưa có số liệu' },
      en: { met: 'Met', on_track: 'On track', behind: 'Behind', no_data: 'No data' }
    },
    unit_type: {
      vi: {},
      en: { 'Xã': 'Commune', 'Phường': 'Ward', 'Thị trấn': 'Township', 'Huyện': 'District',
            'Thành phố': 'City' }
    }
  };

  var served = WA.vocabulary || {};
  Object.keys(served).forEach(function (group) { terms[group] = served[group]; });

  WA.lang = 'vi';
  WA.languages = ['vi', 'en'];

  WA.setLang = function (lang) {
    WA.lang = strings[lang] ? lang : 'vi';
    document.documentElement.lang = WA.lang;
  };

  // t('worksShown', {n: 3, total: 9}) → "3 / 9 công trình đang hiện"
  WA.t = function (key, vars) {
    var s = strings[WA.lang][key];
    if (s === undefined) s = strings.vi[key];
    if (s === undefined) return key;
    if (vars) {
      s = s.replace(/\{(\w+)\}/g, function (m, name) {
        return vars[name] === undefined || vars[name] === null ? m : String(vars[name]);
      });
    }
    return s;
  };

  WA.term = function (group, code) {
    if (code === null || code === undefined || code === '') return '—';
    var g = terms[group];
    var s = g && g[WA.lang] && g[WA.lang][code];
    return s || String(code);
  };

  WA.termOrder = function (group) { return terms[group].order.slice(); };
})();
