#include "core/rule_lang/lexer.h"

#include <array>
#include <cstdio>

#include "core/rule_lang/error.h"
#include "core/rule_lang/text_util.h"
#include "core/util/hex.h"

namespace irtcp::rule_lang {
namespace {

constexpr std::int32_t kEofCh = -1;
constexpr std::int32_t kBom = 0xFEFF;

constexpr std::array<std::string_view, 25> kKeywords = {
    "break",  "case",        "chan", "const",   "continue", "default", "defer",
    "else",   "fallthrough", "for",  "func",    "go",       "goto",    "if",
    "import", "interface",   "map",  "package", "range",    "return",  "select",
    "struct", "switch",      "type", "var"};

bool IsKeyword(std::string_view s) {
  for (std::string_view k : kKeywords) {
    if (k == s) {
      return true;
    }
  }
  return false;
}

bool IsAsciiLetter(std::int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsDecimal(std::int32_t c) { return c >= '0' && c <= '9'; }
// Non-ASCII code points are treated as letters: an identifier is only ever valid as an ASCII
// matcher name, so whether Go calls the rune a letter or an illegal character, the rule is
// rejected either way.
bool IsLetter(std::int32_t c) {
  return IsAsciiLetter(c) || (c >= 0x80 && c != kBom && c != 0xFFFD);
}
bool IsDigit(std::int32_t c) { return IsDecimal(c); }

class Scanner {
 public:
  explicit Scanner(std::string_view src) : src_(src) {
    Next();
    if (ch_ == kBom) {
      Next();  // a BOM at the very beginning is ignored
    }
  }

  std::vector<Token> Run() {
    std::vector<Token> out;
    while (true) {
      Token t = ScanToken();
      bool eof = t.tok == Tok::kEof;
      out.push_back(std::move(t));
      if (eof) {
        break;
      }
    }
    // Errors found while reading the look-ahead character are attached to the token that was
    // being scanned; move any pending ones to the final EOF token.
    for (LexError& e : pending_) {
      out.back().errors.push_back(std::move(e));
    }
    return out;
  }

 private:
  void Report(std::size_t offset, std::string msg, ErrorKind kind) {
    pending_.push_back(LexError{static_cast<std::uint32_t>(offset), std::move(msg),
                                static_cast<std::uint8_t>(kind)});
  }

  void Next() {
    if (rd_ < src_.size()) {
      offset_ = rd_;
      auto b = static_cast<unsigned char>(src_[rd_]);
      std::int32_t r = b;
      std::size_t w = 1;
      if (b == 0) {
        Report(offset_, "illegal character NUL", ErrorKind::kIllegalCharacter);
      } else if (b >= 0x80) {
        DecodeUtf8(src_.substr(rd_), &r, &w);
        if (r == kRuneError && w == 1) {
          Report(offset_, "illegal UTF-8 encoding", ErrorKind::kIllegalCharacter);
        } else if (r == kBom && offset_ > 0) {
          Report(offset_, "illegal byte order mark", ErrorKind::kIllegalCharacter);
        }
      }
      rd_ += w;
      ch_ = r;
    } else {
      offset_ = src_.size();
      ch_ = kEofCh;
    }
  }

  int Peek() const {
    if (rd_ < src_.size()) {
      return static_cast<unsigned char>(src_[rd_]);
    }
    return 0;
  }

  void SkipWhitespace() {
    while (ch_ == ' ' || ch_ == '\t' || (ch_ == '\n' && !insert_semi_) || ch_ == '\r') {
      Next();
    }
  }

  // Restores the scanner to `offs` (which must be the offset of a '/').
  void Reset(std::size_t offs) {
    rd_ = offs;
    Next();
  }

  bool FindLineEnd() {
    // Called with ch_ at the second character of a comment ('/' or '*').
    std::size_t start = offset_ - 1;
    std::size_t saved_errors = pending_.size();
    bool result = false;
    while (ch_ == '/' || ch_ == '*') {
      if (ch_ == '/') {
        result = true;
        break;
      }
      Next();
      bool closed = false;
      while (ch_ >= 0) {
        std::int32_t c = ch_;
        if (c == '\n') {
          result = true;
          break;
        }
        Next();
        if (c == '*' && ch_ == '/') {
          Next();
          closed = true;
          break;
        }
      }
      if (result) {
        break;
      }
      (void)closed;
      SkipWhitespace();
      if (ch_ < 0 || ch_ == '\n') {
        result = true;
        break;
      }
      if (ch_ != '/') {
        break;
      }
      Next();
    }
    pending_.resize(saved_errors);  // the characters will be read (and reported) again
    Reset(start);
    Next();  // consume the initial '/' again
    return result;
  }

  void ScanComment() {
    std::size_t offs = offset_ - 1;  // position of the initial '/'
    if (ch_ == '/') {
      Next();
      while (ch_ != '\n' && ch_ >= 0) {
        Next();
      }
      return;
    }
    Next();  // consume '*'
    while (ch_ >= 0) {
      std::int32_t c = ch_;
      Next();
      if (c == '*' && ch_ == '/') {
        Next();
        return;
      }
    }
    Report(offs, "comment not terminated", ErrorKind::kUnterminatedComment);
  }

  std::string SourceSlice(std::size_t b, std::size_t e) const {
    return std::string(src_.substr(b, e - b));
  }

  // Scans an escape after the backslash; appends the decoded bytes to `value`.
  bool ScanEscape(std::int32_t quote, std::string* value) {
    std::size_t offs = offset_ - 1;  // the backslash
    int n = 0;
    std::uint32_t base = 0;
    std::uint32_t max = 0;
    switch (ch_) {
      case 'a':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
      case 'v':
      case '\\': {
        static constexpr std::string_view kFrom = "abfnrtv\\";
        static constexpr std::string_view kTo = "\a\b\f\n\r\t\v\\";
        value->push_back(kTo[kFrom.find(static_cast<char>(ch_))]);
        Next();
        return true;
      }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        n = 3;
        base = 8;
        max = 255;
        break;
      case 'x':
        Next();
        n = 2;
        base = 16;
        max = 255;
        break;
      case 'u':
        Next();
        n = 4;
        base = 16;
        max = 0x10FFFF;
        break;
      case 'U':
        Next();
        n = 8;
        base = 16;
        max = 0x10FFFF;
        break;
      default:
        if (ch_ == quote) {
          value->push_back(static_cast<char>(quote));
          Next();
          return true;
        }
        if (ch_ < 0) {
          Report(offs, "escape sequence not terminated", ErrorKind::kBadEscape);
        } else {
          Report(offs, "unknown escape sequence", ErrorKind::kBadEscape);
        }
        return false;
    }
    std::uint32_t x = 0;
    for (; n > 0; --n) {
      int v = util::HexDigitValue(ch_);
      auto d = static_cast<std::uint32_t>(v);
      if (v < 0 || d >= base) {
        if (ch_ < 0) {
          Report(offset_, "escape sequence not terminated", ErrorKind::kBadEscape);
        } else {
          Report(offset_, "illegal character " + FormatRune(ch_) + " in escape sequence",
                 ErrorKind::kBadEscape);
        }
        return false;
      }
      x = x * base + d;
      Next();
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
      Report(offs, "escape sequence is invalid Unicode code point", ErrorKind::kBadEscape);
      return false;
    }
    if (max == 255) {
      value->push_back(static_cast<char>(static_cast<unsigned char>(x)));
    } else {
      AppendUtf8(static_cast<std::int32_t>(x), value);
    }
    return true;
  }

  void ScanString(Token* t) {
    std::size_t offs = offset_ - 1;
    while (true) {
      std::int32_t c = ch_;
      if (c == '\n' || c < 0) {
        Report(offs, "string literal not terminated", ErrorKind::kUnterminatedString);
        break;
      }
      std::size_t char_begin = offset_;
      Next();
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        ScanEscape('"', &t->value);
      } else {
        t->value.append(src_.substr(char_begin, offset_ - char_begin));
      }
    }
  }

  void ScanRawString(Token* t) {
    std::size_t offs = offset_ - 1;
    while (true) {
      std::int32_t c = ch_;
      if (c < 0) {
        Report(offs, "raw string literal not terminated", ErrorKind::kUnterminatedString);
        break;
      }
      std::size_t char_begin = offset_;
      Next();
      if (c == '`') {
        break;
      }
      if (c != '\r') {
        t->value.append(src_.substr(char_begin, offset_ - char_begin));
      }
    }
  }

  void ScanRune() {
    std::size_t offs = offset_ - 1;
    bool valid = true;
    int n = 0;
    std::string ignored;
    while (true) {
      std::int32_t c = ch_;
      if (c == '\n' || c < 0) {
        if (valid) {
          Report(offs, "rune literal not terminated", ErrorKind::kBadRuneLiteral);
          valid = false;
        }
        break;
      }
      Next();
      if (c == '\'') {
        break;
      }
      ++n;
      if (c == '\\') {
        if (!ScanEscape('\'', &ignored)) {
          valid = false;
        }
      }
    }
    if (valid && n != 1) {
      Report(offs, "illegal rune literal", ErrorKind::kBadRuneLiteral);
    }
  }

  void ScanNumber() {
    // Simplified: numbers are never valid in a rule, only their extent matters.
    while (IsDecimal(ch_) || IsAsciiLetter(ch_) || ch_ == '.') {
      std::int32_t c = ch_;
      Next();
      if ((c == 'e' || c == 'E' || c == 'p' || c == 'P') && (ch_ == '+' || ch_ == '-')) {
        Next();
      }
    }
  }

  Token ScanToken() {
  scan_again:
    SkipWhitespace();
    Token t;
    std::size_t pos = offset_;
    t.begin = static_cast<std::uint32_t>(pos);
    bool insert_semi = false;
    std::int32_t ch = ch_;
    if (IsLetter(ch)) {
      while (IsLetter(ch_) || IsDigit(ch_)) {
        Next();
      }
      t.lit = SourceSlice(pos, offset_);
      if (t.lit.size() > 1 && IsKeyword(t.lit)) {
        t.tok = Tok::kKeyword;
        insert_semi =
            t.lit == "break" || t.lit == "continue" || t.lit == "fallthrough" || t.lit == "return";
      } else {
        t.tok = Tok::kIdent;
        insert_semi = true;
      }
    } else if (IsDecimal(ch) || (ch == '.' && IsDecimal(Peek()))) {
      insert_semi = true;
      ScanNumber();
      t.tok = Tok::kInt;
      t.lit = SourceSlice(pos, offset_);
    } else {
      Next();  // always make progress
      auto op = [&](std::string_view text, Tok tok = Tok::kOp) {
        t.tok = tok;
        t.lit = std::string(text);
      };
      auto maybe = [&](char c) {
        if (ch_ == c) {
          Next();
          return true;
        }
        return false;
      };
      switch (ch) {
        case kEofCh:
          if (insert_semi_) {
            insert_semi_ = false;
            t.tok = Tok::kSemicolon;
            t.lit = "\n";
            t.end = t.begin;
            Flush(&t);
            return t;
          }
          t.tok = Tok::kEof;
          break;
        case '\n':
          insert_semi_ = false;
          t.tok = Tok::kSemicolon;
          t.lit = "\n";
          t.end = t.begin + 1;
          Flush(&t);
          return t;
        case '"':
          insert_semi = true;
          t.tok = Tok::kString;
          ScanString(&t);
          t.lit = SourceSlice(pos, offset_);
          break;
        case '\'':
          insert_semi = true;
          t.tok = Tok::kChar;
          ScanRune();
          t.lit = SourceSlice(pos, offset_);
          break;
        case '`':
          insert_semi = true;
          t.tok = Tok::kString;
          t.raw = true;
          ScanRawString(&t);
          t.lit = SourceSlice(pos, offset_);
          break;
        case ':':
          op(maybe('=') ? ":=" : ":");
          break;
        case '.':
          if (ch_ == '.' && Peek() == '.') {
            Next();
            Next();
            op("...", Tok::kEllipsis);
          } else {
            op(".", Tok::kPeriod);
          }
          break;
        case ',':
          op(",", Tok::kComma);
          break;
        case ';':
          op(";", Tok::kSemicolon);
          break;
        case '(':
          op("(", Tok::kLParen);
          break;
        case ')':
          insert_semi = true;
          op(")", Tok::kRParen);
          break;
        case '[':
          op("[");
          break;
        case ']':
          insert_semi = true;
          op("]");
          break;
        case '{':
          op("{");
          break;
        case '}':
          insert_semi = true;
          op("}");
          break;
        case '+':
          if (maybe('=')) {
            op("+=");
          } else if (maybe('+')) {
            op("++");
            insert_semi = true;
          } else {
            op("+");
          }
          break;
        case '-':
          if (maybe('=')) {
            op("-=");
          } else if (maybe('-')) {
            op("--");
            insert_semi = true;
          } else {
            op("-");
          }
          break;
        case '*':
          op(maybe('=') ? "*=" : "*");
          break;
        case '/':
          if (ch_ == '/' || ch_ == '*') {
            if (insert_semi_ && FindLineEnd()) {
              // Reset to the comment start: it is scanned again after the semicolon.
              Reset(pos);
              insert_semi_ = false;
              t.tok = Tok::kSemicolon;
              t.lit = "\n";
              t.end = t.begin;
              Flush(&t);
              return t;
            }
            ScanComment();
            insert_semi_ = false;
            goto scan_again;
          }
          op(maybe('=') ? "/=" : "/");
          break;
        case '%':
          op(maybe('=') ? "%=" : "%");
          break;
        case '^':
          op(maybe('=') ? "^=" : "^");
          break;
        case '<':
          if (maybe('-')) {
            op("<-");
          } else if (maybe('=')) {
            op("<=");
          } else if (maybe('<')) {
            op(maybe('=') ? "<<=" : "<<");
          } else {
            op("<");
          }
          break;
        case '>':
          if (maybe('=')) {
            op(">=");
          } else if (maybe('>')) {
            op(maybe('=') ? ">>=" : ">>");
          } else {
            op(">");
          }
          break;
        case '=':
          op(maybe('=') ? "==" : "=");
          break;
        case '!':
          if (maybe('=')) {
            op("!=");
          } else {
            op("!", Tok::kNot);
          }
          break;
        case '&':
          if (maybe('^')) {
            op(maybe('=') ? "&^=" : "&^");
          } else if (maybe('=')) {
            op("&=");
          } else if (maybe('&')) {
            op("&&", Tok::kAndAnd);
          } else {
            op("&");
          }
          break;
        case '|':
          if (maybe('=')) {
            op("|=");
          } else if (maybe('|')) {
            op("||", Tok::kOrOr);
          } else {
            op("|");
          }
          break;
        case '~':
          op("~");
          break;
        default:
          if (ch != kBom) {
            Report(pos, "illegal character " + FormatRune(ch), ErrorKind::kIllegalCharacter);
          }
          insert_semi = insert_semi_;
          t.tok = Tok::kIllegal;
          t.lit = SourceSlice(pos, offset_);
          break;
      }
    }
    insert_semi_ = insert_semi;
    t.end = static_cast<std::uint32_t>(offset_);
    Flush(&t);
    return t;
  }

  void Flush(Token* t) {
    for (LexError& e : pending_) {
      t->errors.push_back(std::move(e));
    }
    pending_.clear();
  }

  std::string_view src_;
  std::size_t offset_ = 0;
  std::size_t rd_ = 0;
  std::int32_t ch_ = kEofCh;
  bool insert_semi_ = false;
  std::vector<LexError> pending_;
};

}  // namespace

std::vector<Token> Scan(std::string_view src) { return Scanner(src).Run(); }

std::string TokenText(const Token& token) {
  switch (token.tok) {
    case Tok::kEof:
      return "EOF";
    case Tok::kIllegal:
      return "ILLEGAL";
    case Tok::kSemicolon:
      return ";";
    default:
      return token.lit;
  }
}

}  // namespace irtcp::rule_lang
