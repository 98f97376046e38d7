#include "layout.hpp"

#include "sdgreport/text.hpp"

namespace sdg::pdf {

// ---------------------------------------------------------------- spans

namespace {

Face emphasised(Face f) {
  switch (f) {
    case Face::Regular:
      return Face::Italic;
    case Face::Bold:
      return Face::BoldItalic;
    case Face::UiRegular:
      return Face::UiItalic;
    default:
      return f;
  }
}

Face strong(Face f) {
  switch (f) {
    case Face::Regular:
      return Face::Bold;
    case Face::Italic:
      return Face::BoldItalic;
    case Face::UiRegular:
    case Face::UiItalic:
      return Face::UiBold;
    default:
      return f;
  }
}

void flatten_into(const Inlines& runs, const TextStyle& style, const std::string& url,
                  const Color& link_color, const InlineResolver* resolver, std::vector<Span>& out) {
  for (const Inline& in : runs) {
    switch (in.kind) {
      case Inline::Kind::Text:
        out.push_back({style, in.text, url, false});
        break;
      case Inline::Kind::Code: {
        TextStyle s = style;
        s.face = Face::Mono;
        s.size = style.size * 0.92;
        out.push_back({s, in.text, url, false});
        break;
      }
      case Inline::Kind::Emphasis: {
        TextStyle s = style;
        s.face = emphasised(style.face);
        flatten_into(in.children, s, url, link_color, resolver, out);
        break;
      }
      case Inline::Kind::Strong: {
        TextStyle s = style;
        s.face = strong(style.face);
        flatten_into(in.children, s, url, link_color, resolver, out);
        break;
      }
      case Inline::Kind::Link: {
        TextStyle s = style;
        s.color = link_color;
        flatten_into(in.children.empty() ? Inlines{Inline::plain(in.url)} : in.children, s, in.url,
                     link_color, resolver, out);
        break;
      }
      case Inline::Kind::FootnoteRef: {
        if (!resolver || !resolver->footnote) break;
        const int n = resolver->footnote(in);
        TextStyle s = style;
        s.size = style.size * 0.68;
        s.rise = style.size * 0.36;
        s.color = link_color;
        out.push_back({s, std::to_string(n), footnote_anchor(n), false});
        break;
      }
      case Inline::Kind::CrossRef: {
        TextStyle s = style;
        s.color = link_color;
        Inlines text = in.children;
        if (text.empty())
          text.push_back(Inline::plain(resolver && resolver->reference_text ? resolver->reference_text(in) : in.url));
        flatten_into(text, s, "#" + in.url, link_color, resolver, out);
        break;
      }
      case Inline::Kind::LineBreak:
        out.push_back({style, {}, {}, true});
        break;
    }
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A word is a run of non-space characters, possibly in several styles ("**bold**,").
struct Piece {
  TextStyle style;
  std::string text;
  std::string url;
};

struct Token {
  enum class Kind { Word, Space, Break } kind = Kind::Word;
  std::vector<Piece> pieces;  // Word
};

std::vector<Token> tokenize(const std::vector<Span>& spans) {
  std::vector<Token> out;
  bool in_word = false;
  for (const Span& sp : spans) {
    if (sp.line_break) {
      out.push_back({Token::Kind::Break, {}});
      in_word = false;
      continue;
    }
    for (char c : sp.text) {
      if (is_space(c)) {
        if (!out.empty() && out.back().kind != Token::Kind::Space) out.push_back({Token::Kind::Space, {}});
        in_word = false;
        continue;
      }
      if (!in_word) {
        out.push_back({Token::Kind::Word, {}});
        in_word = true;
      }
      auto& pieces = out.back().pieces;
      if (pieces.empty() || !(pieces.back().style == sp.style) || pieces.back().url != sp.url)
        pieces.push_back({sp.style, {}, sp.url});
      pieces.back().text += c;
    }
  }
  return out;
}

class LineBuilder {
 public:
  LineBuilder(double max_width, const Measure& m) : max_(max_width), measure_(m) {}

  bool empty() const { return line_.fragments.empty(); }
  double x() const { return x_; }
  double gap() const { return empty() ? 0 : measure_(line_.fragments.back().style, " "); }

  // Commits a word gap: a space in the content stream, not counted in the line width.
  void add_gap() {
    if (empty()) return;
    x_ += gap();
    line_.fragments.back().text += ' ';
  }

  void add(const Piece& p, double w) {
    if (!empty()) {
      Fragment& f = line_.fragments.back();
      if (f.style == p.style && f.url == p.url) {
        f.text += p.text;
        x_ += w;
        f.width = x_ - f.x;
        line_.width = x_;
        return;
      }
    }
    line_.fragments.push_back({p.style, p.text, p.url, x_, w});
    x_ += w;
    line_.width = x_;
  }

  // Ends the line; `gap` keeps a trailing space for the word gap at the break.
  void flush(bool gap) {
    if (gap && !empty()) line_.fragments.back().text += ' ';
    lines_.push_back(std::move(line_));
    line_ = Line{};
    x_ = 0;
  }

  std::vector<Line> finish() {
    if (!empty() || lines_.empty()) flush(false);
    return std::move(lines_);
  }

  double max() const { return max_; }

 private:
  double max_;
  const Measure& measure_;
  std::vector<Line> lines_;
  Line line_;
  double x_ = 0;
};

}  // namespace

std::string footnote_anchor(int n) { return "#sdg-fn-" + std::to_string(n); }
std::string footnote_ref_anchor(int n) { return "#sdg-fnref-" + std::to_string(n); }
int footnote_of(std::string_view url) {
  constexpr std::string_view prefix = "#sdg-fn-";
  if (!url.starts_with(prefix)) return 0;
  int n = 0;
  for (char c : url.substr(prefix.size())) {
    if (c < '0' || c > '9' || n > 1000000) return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::vector<Span> flatten(const Inlines& runs, const TextStyle& base, const Color& link_color,
                          const InlineResolver* resolver) {
  std::vector<Span> out;
  flatten_into(runs, base, {}, link_color, resolver, out);
  return out;
}

std::vector<Span> plain(std::string text, const TextStyle& style) {
  return {Span{style, std::move(text), {}, false}};
}

std::vector<std::string> utf8_chars(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const int n = utf8_decode(s, i);  // a byte that is not UTF-8 is a character of its own
    const std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

std::vector<Line> break_lines(const std::vector<Span>& spans, double max_width, const Measure& measure) {
  LineBuilder lb(max_width, measure);
  bool pending_gap = false;
  for (const Token& t : tokenize(spans)) {
    if (t.kind == Token::Kind::Break) {
      lb.flush(false);
      pending_gap = false;
      continue;
    }
    if (t.kind == Token::Kind::Space) {
      pending_gap = !lb.empty();
      continue;
    }
    std::vector<double> widths;
    double ww = 0;
    for (const Piece& p : t.pieces) {
      widths.push_back(measure(p.style, p.text));
      ww += widths.back();
    }
    const double gap = pending_gap ? lb.gap() : 0;
    if (!lb.empty() && lb.x() + gap + ww <= max_width) {
      if (pending_gap) lb.add_gap();
    } else if (!lb.empty()) {
      lb.flush(pending_gap);
    }
    pending_gap = false;
    if (lb.x() + ww <= max_width) {
      for (std::size_t i = 0; i < t.pieces.size(); ++i) lb.add(t.pieces[i], widths[i]);
      continue;
    }
    // Over-long word (a URL, a long compound): break between characters.
    for (const Piece& p : t.pieces) {
      for (const std::string& ch : utf8_chars(p.text)) {
        const double cw = measure(p.style, ch);
        if (!lb.empty() && lb.x() + cw > max_width) lb.flush(false);
        lb.add({p.style, ch, p.url}, cw);
      }
    }
  }
  return lb.finish();
}

TextExtent measure_extent(const std::vector<Span>& spans, const Measure& measure) {
  TextExtent e;
  bool first = true;
  for (const Token& t : tokenize(spans)) {
    if (t.kind != Token::Kind::Word) continue;
    double ww = 0;
    for (const Piece& p : t.pieces) ww += measure(p.style, p.text);
    e.longest_word = std::max(e.longest_word, ww);
    if (!first) e.single_line += measure(t.pieces.front().style, " ");
    e.single_line += ww;
    first = false;
  }
  return e;
}

// ---------------------------------------------------------------- chart legends

std::string ellipsize(std::string_view text, double max_width, const TextStyle& style,
                      const Measure& measure) {
  if (measure(style, text) <= max_width) return std::string(text);
  static constexpr std::string_view kEllipsis = "\u2026";
  const auto chars = utf8_chars(text);
  // Byte offset where the first k characters end.
  std::vector<std::size_t> end(chars.size() + 1, 0);
  for (std::size_t k = 0; k < chars.size(); ++k) end[k + 1] = end[k] + chars[k].size();
  // The first k characters, without a space or separator just before the ellipsis
  // ("Finnmark - …" → "Finnmark…"), then the ellipsis.
  auto candidate = [&](std::size_t k) {
    auto is_sep = [](const std::string& c) {
      return c == " " || c == "\u00A0" || c == "-" || c == "\u2013" || c == "\u2014" || c == "," ||
             c == ";" || c == ":" || c == "/";
    };
    while (k > 0 && is_sep(chars[k - 1])) --k;
    std::string s(text.substr(0, end[k]));
    s += kEllipsis;
    return s;
  };
  // Binary search on the cut point, one measurement per probe: O(n log n) for an
  // n-character text (a 40 KB name takes milliseconds, not seconds).
  std::size_t lo = 0, hi = chars.size() - 1;  // the answer keeps lo..hi characters
  std::string best;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo + 1) / 2;
    std::string s = candidate(mid);
    if (measure(style, s) <= max_width) {
      lo = mid;
      best = std::move(s);
    } else {
      hi = mid - 1;
    }
  }
  if (!best.empty()) return best;
  return measure(style, kEllipsis) <= max_width ? std::string(kEllipsis) : std::string();
}

std::vector<std::vector<LegendEntry>> break_legend(const std::vector<std::string>& names,
                                                   double max_width, const TextStyle& style,
                                                   const Measure& measure, double swatch,
                                                   double gap) {
  std::vector<std::vector<LegendEntry>> lines;
  double x = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    LegendEntry e;
    e.index = i;
    e.text = names[i];
    double w = swatch + measure(style, e.text);
    if (w > max_width) {
      e.text = ellipsize(names[i], max_width - swatch, style, measure);
      w = swatch + measure(style, e.text);
    }
    if (lines.empty() || (!lines.back().empty() && x + w > max_width)) {
      lines.emplace_back();
      x = 0;
    }
    e.x = x;
    e.width = w;
    lines.back().push_back(std::move(e));
    x += w + gap;
  }
  return lines;
}

}  // namespace sdg::pdf
