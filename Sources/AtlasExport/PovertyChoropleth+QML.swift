/// The choropleth as a QGIS rule-based renderer (QML) and as OGC SLD 1.1, the two columns
/// of `layer_styles`. Rules rather than graduated ranges: QGIS's ranges include their upper
/// bound, the web map's classes their lower one.
extension PovertyChoropleth {
    static var qml: String {
        let rules = classes.enumerated().map { i, c in
            "      <rule key=\"class\(i)\" symbol=\"\(i)\" label=\"\(xml(c.label))\" filter=\"\(xml(c.filter))\"/>"
        }
        let symbols = classes.enumerated().map { i, c in
            """
                  <symbol type="fill" name="\(i)" alpha="1" clip_to_extent="1" force_rhr="0">
                    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                      <Option type="Map">
                        <Option name="color" type="QString" value="\(rgba(c.colour, fillOpacity))"/>
                        <Option name="outline_color" type="QString" value="\(rgba(outline, outlineOpacity))"/>
                        <Option name="outline_style" type="QString" value="solid"/>
                        <Option name="outline_width" type="QString" value="\(outlineWidthPixels)"/>
                        <Option name="outline_width_unit" type="QString" value="Pixel"/>
                        <Option name="style" type="QString" value="solid"/>
                      </Option>
                    </layer>
                  </symbol>
            """
        }
        return """
            <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
            <qgis version="3.22" styleCategories="Symbology">
              <renderer-v2 type="RuleRenderer" forceraster="0" symbollevels="0" enableorderby="0">
                <rules key="root">
            \(rules.joined(separator: "\n"))
                </rules>
                <symbols>
            \(symbols.joined(separator: "\n"))
                </symbols>
              </renderer-v2>
            </qgis>

            """
    }

    static func sld(layer: String) -> String {
        let rules = classes.map { c in
            """
                      <se:Rule>
                        <se:Name>\(xml(c.label))</se:Name>
                        <ogc:Filter>\(sldFilter(c))</ogc:Filter>
                        <se:PolygonSymbolizer>
                          <se:Fill>
                            <se:SvgParameter name="fill">\(c.colour)</se:SvgParameter>
                            <se:SvgParameter name="fill-opacity">\(fillOpacity)</se:SvgParameter>
                          </se:Fill>
                          <se:Stroke>
                            <se:SvgParameter name="stroke">\(outline)</se:SvgParameter>
                            <se:SvgParameter name="stroke-opacity">\(outlineOpacity)</se:SvgParameter>
                            <se:SvgParameter name="stroke-width">\(outlineWidthPixels)</se:SvgParameter>
                          </se:Stroke>
                        </se:PolygonSymbolizer>
                      </se:Rule>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" \
            xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer>
                <se:Name>\(xml(layer))</se:Name>
                <UserStyle>
                  <se:Name>\(field)</se:Name>
                  <se:FeatureTypeStyle>
            \(rules.joined(separator: "\n"))
                  </se:FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>

            """
    }

    private static func sldFilter(_ c: Class) -> String {
        let name = "<ogc:PropertyName>\(field)</ogc:PropertyName>"
        func compare(_ op: String, _ v: Double) -> String {
            "<ogc:\(op)>\(name)<ogc:Literal>\(v)</ogc:Literal></ogc:\(op)>"
        }
        switch (c.lower, c.upper) {
        case (nil, nil): return "<ogc:PropertyIsNull>\(name)</ogc:PropertyIsNull>"
        case (nil, let u?): return compare("PropertyIsLessThan", u)
        case (let l?, nil): return compare("PropertyIsGreaterThanOrEqualTo", l)
        case (let l?, let u?):
            return "<ogc:And>\(compare("PropertyIsGreaterThanOrEqualTo", l))\(compare("PropertyIsLessThan", u))</ogc:And>"
        }
    }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
