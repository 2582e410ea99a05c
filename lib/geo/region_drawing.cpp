#include "geo/region_drawing.hpp"

#include "geo/boundaries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace expeer {

namespace {

using Point = std::pair<double, double>;
using Outline = std::vector<Point>; // in map units, y down, closed
using Part = std::vector<Outline>;  // the outer outline first, then the holes

// Twice the signed area; positive when the outline turns clockwise on the page (y down).
double twice_signed_area(const Outline& outline) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < outline.size(); ++i)
        sum += outline[i].first * outline[i + 1].second - outline[i + 1].first * outline[i].second;
    return sum;
}

double part_area(const Part& part) {
    double area = std::abs(twice_signed_area(part.front())) / 2;
    for (std::size_t i = 1; i < part.size(); ++i)
        area -= std::abs(twice_signed_area(part[i])) / 2;
    return area;
}

// Distance from the point to the part's edges: positive inside (within the outer outline
// and outside the holes, by the even-odd rule), negative outside.
double signed_distance(double x, double y, const Part& part) {
    bool inside = false;
    double nearest = std::numeric_limits<double>::infinity();
    for (const auto& outline : part)
        for (std::size_t i = 0; i + 1 < outline.size(); ++i) {
            const auto [ax, ay] = outline[i];
            const auto [bx, by] = outline[i + 1];
            if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) inside = !inside;
            const double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
            const double t =
                length2 > 0 ? std::clamp(((x - ax) * dx + (y - ay) * dy) / length2, 0.0, 1.0) : 0;
            nearest = std::min(nearest, std::hypot(x - ax - t * dx, y - ay - t * dy));
        }
    return inside ? nearest : -nearest;
}

// The pole of inaccessibility, to half a unit: the point inside farthest from any edge, where
// a label has the most room (Agafonkin's polylabel). The centroid would fall outside a
// crescent or a C-shaped region; this never does.
Point label_point(const Part& part) {
    struct Cell {
        double x, y, half, distance, best_possible;
    };
    const auto cell = [&](double x, double y, double half) {
        const double d = signed_distance(x, y, part);
        return Cell{x, y, half, d, d + half * std::sqrt(2.0)};
    };
    double west = std::numeric_limits<double>::infinity(), north = west, east = -west,
           south = -west;
    for (const auto& [x, y] : part.front()) {
        west = std::min(west, x), east = std::max(east, x);
        north = std::min(north, y), south = std::max(south, y);
    }
    // Square cells as wide as the part is thin, but no more than a few hundred of them for
    // a long thin part.
    const double size =
        std::max(std::min(east - west, south - north), std::max(east - west, south - north) / 256);
    if (!(size > 0)) return part.front().front();
    const auto worse = [](const Cell& a, const Cell& b) {
        return a.best_possible < b.best_possible;
    };
    std::priority_queue<Cell, std::vector<Cell>, decltype(worse)> queue(worse);
    for (double x = west; x < east; x += size)
        for (double y = north; y < south; y += size)
            queue.push(cell(x + size / 2, y + size / 2, size / 2));
    Cell best = cell((west + east) / 2, (north + south) / 2, 0);
    // Splitting stops when no cell can beat the best by half a unit; the count bounds the
    // time a region drawn as a fractal could take.
    for (int cells = 0; !queue.empty() && cells < 5000; ++cells) {
        const Cell c = queue.top();
        queue.pop();
        if (c.distance > best.distance) best = c;
        if (c.best_possible - best.distance <= 0.5) continue;
        const double h = c.half / 2;
        for (const auto& [dx, dy] : {Point{-h, -h}, Point{h, -h}, Point{-h, h}, Point{h, h}})
            queue.push(cell(c.x + dx, c.y + dy, h));
    }
    return {best.x, best.y};
}

// The points that show: those half a unit or more from the last one kept, and of those, the
// ones that bend the line by more than a third of a unit (Douglas and Peucker): long straight
// borders, which the files draw with many points, take two. Closed, like the outline.
Outline visible_points(const Outline& outline) {
    Outline kept;
    for (std::size_t i = 0; i + 1 < outline.size(); ++i) {
        const auto [x, y] = outline[i];
        if (!kept.empty() && std::abs(x - kept.back().first) < 0.5 &&
            std::abs(y - kept.back().second) < 0.5)
            continue;
        kept.push_back(outline[i]);
    }
    if (kept.size() < 3) return {};
    kept.push_back(kept.front());
    std::vector<bool> keep(kept.size(), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, kept.size() - 1}};
    while (!spans.empty()) {
        const auto [first, last] = spans.back();
        spans.pop_back();
        const auto [ax, ay] = kept[first];
        const auto [bx, by] = kept[last];
        const double dx = bx - ax, dy = by - ay, length = std::hypot(dx, dy);
        double farthest = -1;
        std::size_t at = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            const auto [x, y] = kept[i];
            // From the chord, or from its end when the chord is a point (the closed ring's first
            // span).
            const double d = length > 0 ? std::abs(dx * (y - ay) - dy * (x - ax)) / length
                                        : std::hypot(x - ax, y - ay);
            if (d > farthest) farthest = d, at = i;
        }
        if (farthest <= 1.0 / 3) continue;
        keep[at] = true;
        spans.emplace_back(first, at);
        spans.emplace_back(at, last);
    }
    Outline visible;
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (keep[i]) visible.push_back(kept[i]);
    return visible.size() >= 4 ? visible : Outline{};
}

// At most 32 of the outline's points, evenly taken, closed.
Outline sampled(const Outline& outline) {
    const std::size_t points = outline.size() - 1, step = (points + 31) / 32;
    Outline few;
    for (std::size_t i = 0; i < points; i += step)
        few.push_back(outline[i]);
    few.push_back(few.front());
    return few;
}

// The outline as path data, turned clockwise on the page or the other way.
std::string path_of(Outline outline, bool clockwise) {
    if ((twice_signed_area(outline) > 0) != clockwise) std::reverse(outline.begin(), outline.end());
    std::string path;
    for (std::size_t i = 0; i + 1 < outline.size(); ++i) // the closing point is the Z
        path += fmt::format("{}{:.1f},{:.1f}", i ? "L" : "M", outline[i].first, outline[i].second);
    return path + "Z";
}

struct Projection {
    double west = 0, north = 0, shrink = 1, scale = 1, margin = 0;
    Point operator()(double longitude, double latitude) const {
        return {margin + (longitude - west) * shrink * scale, margin + (north - latitude) * scale};
    }
};

} // namespace

RegionDrawing draw_regions(const Boundaries& boundaries, double width) {
    RegionDrawing drawing;
    drawing.width = width;
    double west = 180, east = -180, south = 90, north = -90;
    for (const auto& region : boundaries.regions)
        for (const auto& polygon : region.polygons)
            for (const auto& [longitude, latitude] : polygon.outer) {
                west = std::min(west, longitude), east = std::max(east, longitude);
                south = std::min(south, latitude), north = std::max(north, latitude);
            }
    if (!(width > 0) || west > east) return drawing;

    Projection project;
    project.west = west;
    project.north = north;
    project.shrink = std::cos((south + north) / 2 * M_PI / 180);
    project.margin = width * 0.02;
    const double span_x = (east - west) * project.shrink, span_y = north - south;
    const double span = std::max(span_x, span_y * 1e-3); // a region on one meridian still draws
    project.scale = span > 0 ? (width - 2 * project.margin) / span : 1;
    drawing.height = std::ceil(span_y * project.scale + 2 * project.margin);

    for (const auto& region : boundaries.regions) {
        RegionShape shape;
        shape.code = region.code;
        std::vector<Part> parts;
        for (const auto& polygon : region.polygons) {
            Part& part = parts.emplace_back();
            const auto add = [&](const Ring& ring) {
                Outline& outline = part.emplace_back();
                for (const auto& [longitude, latitude] : ring)
                    outline.push_back(project(longitude, latitude));
            };
            add(polygon.outer);
            for (const auto& hole : polygon.holes)
                add(hole);
        }
        if (parts.empty()) continue;
        // What the page shows of each part; the label is placed in the largest, so that it
        // lies inside what is drawn and costs what the drawing does, not what the file does.
        std::vector<Part> shown;
        std::size_t largest = 0, largest_in_file = 0;
        double largest_area = -1, largest_area_in_file = -1;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const double area = part_area(parts[i]);
            shape.area += area;
            if (area > largest_area_in_file) largest_in_file = i, largest_area_in_file = area;
            Part visible;
            for (const auto& outline : parts[i]) {
                Outline points = visible_points(outline);
                if (visible.empty() && points.empty()) break; // its holes are smaller still
                if (!points.empty()) visible.push_back(std::move(points));
            }
            if (visible.empty()) continue;
            if (area > largest_area) largest = shown.size(), largest_area = area;
            shown.push_back(std::move(visible));
        }
        // A region under a unit across still gets a shape, to be seen and pointed at.
        if (shown.empty()) shown.push_back({sampled(parts[largest_in_file].front())});
        for (const auto& part : shown) {
            shape.path += path_of(part.front(), true);
            for (std::size_t i = 1; i < part.size(); ++i)
                shape.path += path_of(part[i], false);
        }
        std::tie(shape.label_x, shape.label_y) = label_point(shown[largest]);
        drawing.regions.push_back(std::move(shape));
    }
    return drawing;
}

} // namespace expeer
