// A country's regions drawn for an inline SVG map of the violations: each region as path
// data, with a point inside it for a marker or a label. One country is small enough for an
// equirectangular projection (longitudes shrunk by the cosine of the middle latitude) to
// keep its shapes as people know them from other maps.
#pragma once

#include <string>
#include <vector>

namespace expeer {

struct Boundaries;

struct RegionShape {
    std::string code; // ISO 3166-2
    // SVG path data in absolute map units with one decimal: "M12.0,3.5L...Z", one subpath a
    // ring. Outer rings turn one way and holes the other, so the default fill rule (nonzero)
    // leaves the holes empty.
    std::string path;
    double label_x = 0, label_y = 0; // inside the region's largest part, far from its edges
    double area = 0;                 // in map units², holes taken out
};

struct RegionDrawing {
    double width = 0, height = 0;
    std::vector<RegionShape> regions; // in the order of the Boundaries (by code)
};

// North up, `width` map units across with a margin on each side, the height following the
// country's proportions. Points closer than half a unit to the last one kept are dropped:
// they would add bytes to the page, not shape.
RegionDrawing draw_regions(const Boundaries& boundaries, double width);

} // namespace expeer
