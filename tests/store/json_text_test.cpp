#include "model/store/json_text.h"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace freshd {
namespace {

using nlohmann::json;
using namespace std::string_literals;

std::string dumped(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

TEST_CASE("strings are written byte for byte as nlohmann's dump writes them") {
  const std::vector<std::string> strings = {
      "",
      "plain ascii",
      "quote \" and backslash \\",
      "slash / stays",
      "controls \b\f\n\r\t end",
      "nul \0 and \x01 \x1f"s,  // the NUL is part of the string
      "delete \x7f stays",
      "non-ASCII: caf\xc3\xa9, \xe2\x82\xac, \xf0\x9f\x93\x9d",
      "invalid: \xff\xfe here",
      "truncated sequence \xe2\x82",
      "overlong \xc0\xaf and surrogate \xed\xa0\x80",
      "\xc3",
  };
  for (const std::string& s : strings) {
    CAPTURE(s);
    JsonText out;
    out.string(s);
    CHECK(out.take() == dumped(json(s)));
  }
}

TEST_CASE("numbers read back as the values written, as dump writes them") {
  const std::vector<long long> integers = {0, 1, -1, 42, 2117, -2117,
                                           std::numeric_limits<long long>::max(),
                                           std::numeric_limits<long long>::min()};
  for (const long long n : integers) {
    JsonText out;
    out.number(n);
    CHECK(out.take() == dumped(json(n)));
  }
  const std::vector<double> doubles = {0.0, 1.0, 0.5, 0.0194, 0.0001, 0.9999, 1.5, 2.25, 1e-7,
                                       123456.0, -0.75, 1e300};
  for (const double d : doubles) {
    CAPTURE(d);
    JsonText out;
    out.number(d);
    const std::string text = out.take();
    CHECK(json::parse(text).get<double>() == d);
    CHECK(text.find_first_of(".e") != std::string::npos);  // never read back as an integer
  }
  JsonText whole;
  whole.number(3.0);
  CHECK(whole.take() == "3.0");
  JsonText nan;
  nan.number(std::nan(""));
  CHECK(nan.take() == dumped(json(std::nan(""))));
  JsonText inf;
  inf.number(std::numeric_limits<double>::infinity());
  CHECK(inf.take() == "null");
}

TEST_CASE("nested objects and arrays come out as dump writes the same tree") {
  JsonText out;
  out.open('{');
  out.key("a");
  out.open('[');
  out.close(']');
  out.key("b");
  out.open('[');
  for (int i = 0; i < 3; ++i) {
    out.separate();
    out.open('{');
    out.key("n");
    out.number(static_cast<long long>(i));
    out.key("ok");
    out.boolean(i % 2 == 0);
    out.close('}');
  }
  out.close(']');
  out.key("c");
  out.null();
  out.key("d");
  out.open('{');
  out.close('}');
  out.key("e");
  out.raw(R"({"x":[1,2]})");
  out.key("f");
  out.string("last");
  out.close('}');
  const json expected = {{"a", json::array()},
                         {"b",
                          {{{"n", 0}, {"ok", true}},
                           {{"n", 1}, {"ok", false}},
                           {{"n", 2}, {"ok", true}}}},
                         {"c", nullptr},
                         {"d", json::object()},
                         {"e", {{"x", {1, 2}}}},
                         {"f", "last"}};
  CHECK(out.take() == expected.dump());
  CHECK(out.text().empty());  // take() leaves the writer empty, ready for the next value
}

}  // namespace
}  // namespace freshd
