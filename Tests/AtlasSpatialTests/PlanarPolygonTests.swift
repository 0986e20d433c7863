import AtlasModel
import AtlasSpatial
import Testing

@Suite struct PlanarPolygonTests {
    typealias F = Fixtures

    @Test func unitSquareAreaAndCentroid() {
        // Given the unit square
        // Then area 1, centroid (0.5, 0.5), bounding box [0,1]²
        #expect(F.unitSquare.area == 1)
        #expect(F.unitSquare.centroid == Position(x: 0.5, y: 0.5))
        #expect(F.unitSquare.boundingBox == BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1))
    }

    @Test func triangleAreaAndCentroid() {
        // Given the right triangle (0,0) (3,0) (0,3), given open (no closing vertex)
        let triangle = PlanarPolygon(rings: [[F.p(0, 0), F.p(3, 0), F.p(0, 3)]])
        // Then area = 3·3/2 = 4.5 and centroid = mean of the vertices = (1, 1)
        #expect(triangle.area == 4.5)
        #expect(triangle.centroid == Position(x: 1, y: 1))
    }

    @Test func lShapeCentroidByDecomposition() throws {
        // Given the L = rectangle [0,2]×[0,1] (area 2, centroid (1, 0.5))
        //           + rectangle [0,1]×[1,2] (area 1, centroid (0.5, 1.5))
        // Then area 3, centroid ((2·1 + 1·0.5)/3, (2·0.5 + 1·1.5)/3) = (5/6, 5/6)
        #expect(F.lShape.area == 3)
        let c = try #require(F.lShape.centroid)
        #expect(abs(c.x - 5.0 / 6) < 1e-15)
        #expect(abs(c.y - 5.0 / 6) < 1e-15)
    }

    @Test func holeIsSubtracted() throws {
        // Given [0,4]² (area 16, centroid (2,2)) with the hole [1,2]² (area 1, centroid (1.5,1.5))
        let polygon = PlanarPolygon(rings: [F.rectangle(0, 0, 4, 4), F.rectangle(1, 1, 2, 2)])
        // Then area 15, centroid ((16·2 − 1·1.5)/15) = 30.5/15 = 61/30 on both axes
        #expect(polygon.area == 15)
        let c = try #require(polygon.centroid)
        #expect(abs(c.x - 61.0 / 30) < 1e-14)
        #expect(abs(c.y - 61.0 / 30) < 1e-14)
        // And the hole is stored clockwise whatever the input winding
        #expect(polygon.signedArea(ofRing: 0) == 16)
        #expect(polygon.signedArea(ofRing: 1) == -1)
    }

    @Test func multiPolygonCentroidIsAreaWeighted() throws {
        // Given the unit square (area 1, centroid (0.5,0.5)) and [2,4]×[0,2] (area 4, centroid (3,1))
        let polygon = PlanarPolygon(polygons: [[F.rectangle(0, 0, 1, 1)], [F.rectangle(2, 0, 4, 2)]])
        // Then area 5, centroid ((0.5 + 12)/5, (0.5 + 4)/5) = (2.5, 0.9)
        #expect(polygon.area == 5)
        let c = try #require(polygon.centroid)
        #expect(abs(c.x - 2.5) < 1e-15)
        #expect(abs(c.y - 0.9) < 1e-15)
        #expect(polygon.partCount == 2)
    }

    @Test func clockwiseExteriorIsNormalised() {
        // Given the unit square listed clockwise
        let cw = PlanarPolygon(rings: [Array(F.rectangle(0, 0, 1, 1).reversed())])
        // Then the signed ring area and the area are +1
        #expect(PlanarPolygon.signedArea(of: Array(F.rectangle(0, 0, 1, 1).reversed())) == -1)
        #expect(cw.signedArea(ofRing: 0) == 1)
        #expect(cw.area == 1)
    }

    @Test func utmScaleAreaKeepsItsDigits() {
        // Given a 100 m × 50 m rectangle at UTM 48N-sized coordinates
        let polygon = PlanarPolygon(rings: [F.rectangle(612_345.5, 2_412_345.25, 612_445.5, 2_412_395.25)])
        // Then the area is exactly 5000 m² (coordinates are taken relative to a vertex)
        #expect(polygon.area == 5000)
        #expect(polygon.centroid == Position(x: 612_395.5, y: 2_412_370.25))
    }

    @Test func nonPolygonalGeometryIsRefused() {
        #expect(PlanarPolygon(.point(F.p(0, 0))) == nil)
        #expect(PlanarPolygon(.polygon([F.rectangle(0, 0, 2, 2)]))?.area == 4)
    }
}
