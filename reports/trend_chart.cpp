#include "reports/trend_chart.h"

#include "reports/html_escape.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace freshd {
namespace {

constexpr double kWidth = 640, kHeight = 240;
constexpr double kLeft = 40, kRight = 16, kTop = 16, kBottom = 32;

struct Series {
  const char* name;
  int TrendWeek::*count;
};
constexpr Series kSeries[] = {
    {"fresh", &TrendWeek::fresh}, {"due", &TrendWeek::due}, {"stale", &TrendWeek::stale}};

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

class Plot {
 public:
  Plot(std::size_t points, int max) : points_(points), max_(std::max(max, 1)) {}

  double x(std::size_t i) const {
    const double span = kWidth - kLeft - kRight;
    return points_ <= 1 ? kLeft + span / 2 : kLeft + span * static_cast<double>(i) /
                                                         static_cast<double>(points_ - 1);
  }
  double y(int count) const {
    return kTop + (kHeight - kTop - kBottom) * (1.0 - static_cast<double>(count) / max_);
  }
  int max() const { return max_; }

 private:
  std::size_t points_;
  int max_;
};

int largest_count(const std::vector<TrendWeek>& weeks) {
  int max = 0;
  for (const TrendWeek& w : weeks) max = std::max({max, w.fresh, w.due, w.stale});
  return max;
}

void axes(std::ostringstream& out, const Plot& plot, const std::vector<TrendWeek>& weeks) {
  for (const int value : {0, plot.max() / 2, plot.max()}) {
    const std::string y = number(plot.y(value));
    out << "<line class=\"grid\" x1=\"" << number(kLeft) << "\" y1=\"" << y << "\" x2=\""
        << number(kWidth - kRight) << "\" y2=\"" << y << "\"/>"
        << "<text x=\"" << number(kLeft - 6) << "\" y=\"" << y
        << "\" text-anchor=\"end\" dominant-baseline=\"middle\">" << value << "</text>\n";
  }
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const std::string& week = weeks[i].week;
    const auto dash = week.find('-');
    const std::string label = dash == std::string::npos ? week : week.substr(dash + 1);
    out << "<text x=\"" << number(plot.x(i)) << "\" y=\"" << number(kHeight - 10)
        << "\" text-anchor=\"middle\">" << html::escape(label) << "</text>\n";
  }
}

void series(std::ostringstream& out, const Plot& plot, const std::vector<TrendWeek>& weeks,
            const Series& s) {
  out << "<polyline class=\"series " << s.name << "\" points=\"";
  for (std::size_t i = 0; i < weeks.size(); ++i)
    out << (i ? " " : "") << number(plot.x(i)) << "," << number(plot.y(weeks[i].*s.count));
  out << "\"/>\n";
  for (std::size_t i = 0; i < weeks.size(); ++i)
    out << "<circle class=\"" << s.name << "\" cx=\"" << number(plot.x(i)) << "\" cy=\""
        << number(plot.y(weeks[i].*s.count)) << "\" r=\"3\"><title>"
        << html::escape(weeks[i].week) << ": " << weeks[i].*s.count << " " << s.name
        << "</title></circle>\n";
}

}  // namespace

std::string trend_svg(const std::vector<TrendWeek>& weeks) {
  const Plot plot(weeks.size(), largest_count(weeks));
  std::ostringstream out;
  out << "<svg class=\"chart\" viewBox=\"0 0 " << kWidth << " " << kHeight
      << "\" role=\"img\" aria-labelledby=\"trend-title\">\n"
      << "<title id=\"trend-title\">Fresh, due and stale notes at the end of each of the last "
      << weeks.size() << " weeks</title>\n";
  axes(out, plot, weeks);
  for (const Series& s : kSeries) series(out, plot, weeks, s);
  out << "</svg>\n";
  return out.str();
}

}  // namespace freshd
