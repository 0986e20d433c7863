/// A world for "where next" (gaps and priorities), in EPSG:3405 metres from O (import with
/// `srid: 3405`), so every distance, estimate and score is worked out by hand:
///
///     A 06100 = [0, 10000] × [0, 10000]       A1 (2000, 2000) 100 hh, A2 (8000, 8000) 300 hh,
///                                              A3 no location, 50 hh; 2020: 1000 hh, 125 poor (12.5 %);
///                                              A2 has its own 2020 figures: 300 hh, 90 poor
///     B 06103 = [10000, 20000] × [0, 10000]   no villages: centroid (15000, 5000); 2020: 400 hh, 60 poor
///     C 06106 = [20000, 30000] × [0, 10000]   C1 (25000, 5000) 200 hh, C2 (28000, 1000) 40 hh;
///                                              2020: 500 hh, 50 poor (10 %); difficult_135 in 2016-2020
///
/// Road works: R1 concrete, completed, x = 5000 from y 2000 to 8000; R2 earth, completed,
/// 500 m from A1; R3 asphalt but proposed, 1000 m from A2; R4 asphalt, completed but located only
/// by its commune, 500 m from A2; R5 asphalt, completed, y = 9000 from x 20000 to 30000; R6
/// concrete, completed, a point 1000 m from C1 (serves it).
public enum GapsWorld: MetricGridWorld {
    public static let units = """
        {"type": "FeatureCollection", "features": [
        \(unit("20", "Lạng Sơn", "province", parent: nil, ring(-1000, -1000, 31_000, 11_000))),
        \(unit("178", "Văn Quan", "district", parent: "20", ring(-1000, -1000, 31_000, 11_000))),
        \(unit("06100", "Xã A", "commune", parent: "178", ring(0, 0, 10_000, 10_000))),
        \(unit("06103", "Xã B", "commune", parent: "178", ring(10_000, 0, 20_000, 10_000))),
        \(unit("06106", "Xã C", "commune", parent: "178", ring(20_000, 0, 30_000, 10_000)))
        ]}
        """

    public static let villages = """
        code,commune_code,name,lon,lat,households
        06100001,06100,Bản Một,\(Int(ox + 2000)),\(Int(oy + 2000)),100
        06100002,06100,Bản Hai,\(Int(ox + 8000)),\(Int(oy + 8000)),300
        06100003,06100,Bản Ba,,,50
        06106001,06106,Bản Bốn,\(Int(ox + 25_000)),\(Int(oy + 5000)),200
        06106002,06106,Bản Năm,\(Int(ox + 28_000)),\(Int(oy + 1000)),40

        """

    public static let stats = """
        year,code,households,poor_households,near_poor_households
        2020,06100,1000,125,50
        2020,06100002,300,90,10
        2020,06103,400,60,20
        2020,06106,500,50,25

        """

    public static let classifications = """
        period,code,flag
        2016-2020,06106,difficult_135

        """

    public static let works = """
        id,name,programme,category,status,surface,exactness,wkt
        R1,Đường bê tông,135,road,completed,concrete,,"LINESTRING(\(xy(5000, 2000)), \(xy(5000, 8000)))"
        R2,Đường đất,135,road,completed,earth,,"LINESTRING(\(xy(1000, 2500)), \(xy(3000, 2500)))"
        R3,Đường dự kiến,135,road,proposed,asphalt,,POINT(\(xy(8000, 7000)))
        R4,Đường chưa rõ vị trí,135,road,completed,asphalt,admin_unit,POINT(\(xy(8000, 8500)))
        R5,Đường nhựa,30a,road,completed,asphalt,,"LINESTRING(\(xy(20_000, 9000)), \(xy(30_000, 9000)))"
        R6,Đầu cầu,135,road,completed,concrete,,POINT(\(xy(25_000, 6000)))

        """

    /// The files by name, for a test that writes them to disk.
    public static let files: [(name: String, text: String)] = [
        ("units.geojson", units), ("villages.csv", villages), ("stats.csv", stats),
        ("classifications.csv", classifications), ("works.csv", works),
    ]
}
