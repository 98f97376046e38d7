#include "chart_png.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "chart_svg.hpp"
#include "sdgreport/error.hpp"

namespace sdg::docx {

namespace {
constexpr double kScale = 2.0;
constexpr int kWidth = 640, kHeight = 340;  // chart_svg's viewBox

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace

std::string chart_svg_for_png(const Chart& c, int goal, std::string_view lang, const palette::Color& accent) {
  std::string svg = charts::svg(c, goal, lang, "chart", accent);
  // The HTML edition sizes and styles the drawing with CSS; a picture says it itself.
  const std::string open = "<svg ";
  if (svg.rfind(open, 0) == 0)
    svg.insert(open.size(), "width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(kHeight) +
                                "\" font-family=\"DejaVu Sans\" font-size=\"13\" fill=\"#1c1c1e\" ");
  return svg;
}

Png chart_png(const Chart& c, int goal, std::string_view lang, const palette::Color& accent) {
  const std::string svg = chart_svg_for_png(c, goal, lang, accent);
  GError* err = nullptr;
  RsvgHandle* h = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &err);
  if (!h) {
    const std::string why = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    throw Error(ErrorCode::Internal, "librsvg cannot read the chart's SVG: " + why);
  }
  rsvg_handle_set_dpi(h, 96.0);
  Png png;
  png.width = static_cast<int>(kWidth * kScale);
  png.height = static_cast<int>(kHeight * kScale);
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, png.width, png.height);
  cairo_t* cr = cairo_create(s);
  const RsvgRectangle vp{0.0, 0.0, static_cast<double>(png.width), static_cast<double>(png.height)};
  const gboolean ok = rsvg_handle_render_document(h, cr, &vp, &err);
  cairo_destroy(cr);
  g_object_unref(h);
  if (!ok) {
    const std::string why = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    cairo_surface_destroy(s);
    throw Error(ErrorCode::Internal, "librsvg cannot draw the chart: " + why);
  }
  const cairo_status_t st = cairo_surface_write_to_png_stream(s, append, &png.bytes);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorCode::Internal, std::string("cairo cannot write the chart's PNG: ") + cairo_status_to_string(st));
  return png;
}

}  // namespace sdg::docx
