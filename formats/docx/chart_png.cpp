#include "chart_png.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <png.h>

#include <cstdint>
#include <vector>

#include "chart_svg.hpp"
#include "sdgreport/error.hpp"

namespace sdg::docx {

namespace {
constexpr double kScale = 1.5;              // 960 × 510 pixels: 150 dpi across a 16 cm text width
constexpr int kWidth = 640, kHeight = 340;  // chart_svg's viewBox

void append(png_structp p, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), length);
}
void flush(png_structp) {}
[[noreturn]] void png_fail(png_structp, png_const_charp message) {
  throw Error(ErrorCode::Internal, std::string("libpng cannot write the chart: ") + message);
}

/// The surface's pixels as RGB rows (the drawing is opaque: it starts with a
/// white rectangle).
Pixels rgb_of(cairo_surface_t* s) {
  cairo_surface_flush(s);
  Pixels out;
  out.width = cairo_image_surface_get_width(s);
  out.height = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  out.rgb.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 3);
  unsigned char* o = out.rgb.data();
  for (int y = 0; y < out.height; ++y) {
    const auto* q = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < out.width; ++x) {
      *o++ = static_cast<unsigned char>(q[x] >> 16);
      *o++ = static_cast<unsigned char>(q[x] >> 8);
      *o++ = static_cast<unsigned char>(q[x]);
    }
  }
  return out;
}
}  // namespace

std::string encode_png(const Pixels& px) {
  // libpng at level 3 with the Sub filter: a third of the time of cairo's own
  // writer (level 6, all filters) for files about a quarter larger.
  std::string out;
  png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, nullptr);
  png_infop info = p ? png_create_info_struct(p) : nullptr;
  if (!info) {
    png_destroy_write_struct(&p, nullptr);
    throw Error(ErrorCode::Internal, "libpng: out of memory");
  }
  try {
    png_set_write_fn(p, &out, append, flush);
    png_set_compression_level(p, 3);
    png_set_filter(p, 0, PNG_FILTER_SUB);
    png_set_IHDR(p, info, static_cast<png_uint_32>(px.width), static_cast<png_uint_32>(px.height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(p, info);
    const std::size_t row = static_cast<std::size_t>(px.width) * 3;
    for (int y = 0; y < px.height; ++y)
      png_write_row(p, const_cast<png_bytep>(px.rgb.data() + static_cast<std::size_t>(y) * row));
    png_write_end(p, info);
  } catch (...) {
    png_destroy_write_struct(&p, &info);
    throw;
  }
  png_destroy_write_struct(&p, &info);
  return out;
}

std::string chart_svg_for_png(const Chart& c, int goal, Language lang, const palette::Color& accent) {
  std::string svg = charts::svg(c, goal, lang, "chart", accent);
  // The HTML edition sizes and styles the drawing with CSS; a picture says it itself.
  const std::string open = "<svg ";
  if (svg.rfind(open, 0) == 0)
    svg.insert(open.size(), "width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(kHeight) +
                                "\" font-family=\"DejaVu Sans\" font-size=\"13\" fill=\"#1c1c1e\" ");
  return svg;
}

Pixels render_chart(const Chart& c, int goal, Language lang, const palette::Color& accent) {
  const std::string svg = chart_svg_for_png(c, goal, lang, accent);
  GError* err = nullptr;
  RsvgHandle* h = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &err);
  if (!h) {
    const std::string why = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    throw Error(ErrorCode::Internal, "librsvg cannot read the chart's SVG: " + why);
  }
  rsvg_handle_set_dpi(h, 96.0);
  const int width = static_cast<int>(kWidth * kScale), height = static_cast<int>(kHeight * kScale);
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cairo_t* cr = cairo_create(s);
  const RsvgRectangle vp{0.0, 0.0, static_cast<double>(width), static_cast<double>(height)};
  const gboolean ok = rsvg_handle_render_document(h, cr, &vp, &err);
  cairo_destroy(cr);
  g_object_unref(h);
  if (!ok) {
    const std::string why = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    cairo_surface_destroy(s);
    throw Error(ErrorCode::Internal, "librsvg cannot draw the chart: " + why);
  }
  Pixels px = rgb_of(s);
  cairo_surface_destroy(s);
  return px;
}

Png chart_png(const Chart& c, int goal, Language lang, const palette::Color& accent) {
  const Pixels px = render_chart(c, goal, lang, accent);
  return Png{encode_png(px), px.width, px.height};
}

}  // namespace sdg::docx
