import FraudCore

/// A self-contained HTML page for a drift report: a summary table and, per feature, a bar chart of
/// reference vs current shares as inline SVG. No scripts, fonts or images are loaded from anywhere.
extension DriftReport {
    /// The page, with every piece of text escaped.
    package func html(title: String = "Data drift report") -> String {
        var page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(htmlEscaped(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}
        .drift{color:#b00020;font-weight:bold}.ok{color:#1b5e20}
        .feature{display:inline-block;vertical-align:top;margin:0 1.5em 1.5em 0}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}
        </style></head><body>
        <h1>\(htmlEscaped(title))</h1>
        <p>Dataset drift: <span class="\(datasetDrift ? "drift" : "ok")">\(datasetDrift ? "detected" : "not detected")</span>
        — \(features.filter(\.drifted).count) of \(features.count) features drifted (share \(DriftNumber.text(driftShare)),
        threshold \(DriftNumber.text(driftShareThreshold))). Reference rows: \(referenceRows), current rows: \(currentRows).</p>
        <p class="legend"><span style="background:#4c78a8"></span>reference<span style="background:#f58518"></span>current</p>
        <table><tr><th>feature</th><th>type</th><th>test</th><th>score</th><th>threshold</th><th>drift</th></tr>

        """
        for feature in features {
            page += "<tr><td><a href=\"#f-\(anchor(feature.name))\">\(htmlEscaped(feature.name))</a></td><td>\(feature.columnType.rawValue)</td>"
            page += "<td>\(htmlEscaped(feature.test.displayName))</td><td>\(DriftNumber.text(feature.score))</td>"
            page += "<td>\(DriftNumber.text(feature.threshold))</td>"
            page += "<td class=\"\(feature.drifted ? "drift" : "ok")\">\(feature.drifted ? "drifted" : "no")</td></tr>\n"
        }
        page += "</table>\n"
        for feature in features {
            page += "<div class=\"feature\" id=\"f-\(anchor(feature.name))\"><h3>\(htmlEscaped(feature.name))"
            page += feature.drifted ? " <span class=\"drift\">(drift)</span>" : ""
            page += "</h3>\n" + svg(feature.histogram) + "</div>\n"
        }
        return page + "</body></html>\n"
    }

    /// Grouped bars, one pair per bin, y axis in shares of each sample.
    private func svg(_ histogram: DriftHistogram) -> String {
        let width = 480.0, height = 220.0, left = 40.0, bottom = 60.0, top = 10.0
        let plotHeight = height - bottom - top
        let bins = max(histogram.labels.count, 1)
        let slot = (width - left - 10) / Double(bins)
        let peak = max(histogram.reference.max() ?? 0, histogram.current.max() ?? 0, 1e-12)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 10)\" y2=\"\(top + plotHeight)\" stroke=\"#888\"/>\n"
        svg += "<text x=\"2\" y=\"\(top + 10)\" font-size=\"10\">\(DriftNumber.text(peak))</text>\n"
        for index in histogram.labels.indices {
            let x = left + Double(index) * slot
            for (offset, share, colour) in [(0.1, histogram.reference[index], "#4c78a8"), (0.5, histogram.current[index], "#f58518")] {
                let barHeight = share / peak * plotHeight
                svg += "<rect x=\(quote(x + offset * slot)) y=\(quote(top + plotHeight - barHeight)) width=\(quote(slot * 0.4)) "
                svg += "height=\(quote(barHeight)) fill=\"\(colour)\"><title>\(htmlEscaped(histogram.labels[index])): \(DriftNumber.text(share))</title></rect>\n"
            }
            let labelX = x + slot / 2
            svg += "<text x=\(quote(labelX)) y=\(quote(top + plotHeight + 8)) font-size=\"8\" text-anchor=\"end\" "
            svg += "transform=\"rotate(-45 \(DriftNumber.text(labelX)) \(DriftNumber.text(top + plotHeight + 8)))\">\(htmlEscaped(histogram.labels[index]))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private func quote(_ value: Double) -> String { "\"" + DriftNumber.text(value) + "\"" }

    private func anchor(_ name: String) -> String {
        String(name.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
        })
    }
}
