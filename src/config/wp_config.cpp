#include <algorithm>
#include <array>
#include <cartpress/config/wp_config.hpp>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace cartpress::config {

namespace {

// A wp-config.php is a few kilobytes; anything this big is not one.
constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;

bool is_ident_start(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}

bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

enum class Kind {
    kIdent,     // text: as written, a leading '\' removed
    kVariable,  // text: name without '$'
    kString,    // text: decoded value; literal: no interpolation, value known
    kNumber,    // text: decimal value when literal (an integer that fits in int64)
    kOpaque,    // heredoc, nowdoc, backtick: a value we do not evaluate
    kPunct,     // text: the operator
    kEnd,
};

struct Token {
    Kind kind = Kind::kEnd;
    std::string text;
    bool literal = false;
    int line = 0;
};

// Longest first, so that "===" is not read as "==" "=".
constexpr std::string_view kOperators[] = {
    "<<=", ">>=", "**=", "...", "<=>", "===", "!==", "?\?=", "?->", "<<", ">>", "**",
    "==",  "!=",  "<>",  "<=",  ">=",  "&&",  "||",  "??",   "->",  "=>", "::", "++",
    "--",  "+=",  "-=",  "*=",  "/=",  ".=",  "%=",  "&=",   "|=",  "^=", "#["};

class Lexer {
public:
    explicit Lexer(std::string_view src) : src_(src) {
        for (std::size_t i = 0; i < src_.size(); ++i) {
            if (src_[i] == '\n') newlines_.push_back(i);
        }
    }

    core::Result<std::vector<Token>, std::string> run() {
        bool found_tag = false;
        while (pos_ < src_.size() && !halted_) {
            std::size_t tag_len = 0;
            const std::size_t open = find_open_tag(pos_, tag_len);
            if (open == std::string_view::npos) break;
            found_tag = true;
            pos_ = open + tag_len;
            if (auto r = lex_php(); !r) return core::fail(r.error());
        }
        if (!found_tag) return core::fail(std::string("no <?php tag: not a PHP file"));
        tokens_.push_back(Token{Kind::kEnd, "", false, line_at(src_.size())});
        return std::move(tokens_);
    }

private:
    int line_at(std::size_t pos) const {
        return static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), pos) -
                                newlines_.begin()) +
               1;
    }

    bool starts_with(std::string_view s) const { return src_.substr(pos_, s.size()) == s; }

    // `<?php` must be followed by whitespace (or the end); `<?=` opens PHP too. Short `<?` tags
    // are off in Debian's php.ini, so they are text.
    std::size_t find_open_tag(std::size_t from, std::size_t& tag_len) const {
        for (std::size_t at = src_.find("<?", from); at != std::string_view::npos;
             at = src_.find("<?", at + 2)) {
            if (at + 2 < src_.size() && src_[at + 2] == '=') {
                tag_len = 3;
                return at;
            }
            if (iequals(src_.substr(at, 5), "<?php") &&
                (at + 5 == src_.size() || is_space(src_[at + 5]))) {
                tag_len = 5;
                return at;
            }
        }
        return std::string_view::npos;
    }

    void emit(Kind kind, std::string text, bool literal, std::size_t start) {
        tokens_.push_back(Token{kind, std::move(text), literal, line_at(start)});
    }

    core::Result<void, std::string> lex_php() {
        while (pos_ < src_.size()) {
            const char c = src_[pos_];
            if (is_space(c)) {
                ++pos_;
            } else if (starts_with("?>")) {
                // The closing tag ends a statement, and eats one newline right after it.
                emit(Kind::kPunct, ";", false, pos_);
                pos_ += 2;
                if (starts_with("\r\n")) {
                    pos_ += 2;
                } else if (starts_with("\n")) {
                    ++pos_;
                }
                return {};
            } else if (starts_with("#[")) {
                emit(Kind::kPunct, "#[", false, pos_);  // a PHP 8 attribute, not a comment
                pos_ += 2;
            } else if (c == '#' || starts_with("//")) {
                skip_line_comment();
            } else if (starts_with("/*")) {
                const std::size_t end = src_.find("*/", pos_ + 2);
                // PHP only warns about an unterminated comment and reads to the end.
                pos_ = end == std::string_view::npos ? src_.size() : end + 2;
            } else if (c == '\'') {
                if (auto r = lex_single_quoted(); !r) return r;
            } else if (c == '"') {
                if (auto r = lex_double_quoted(); !r) return r;
            } else if (c == '`') {
                if (auto r = lex_backtick(); !r) return r;
            } else if (starts_with("<<<")) {
                if (auto r = lex_heredoc(); !r) return r;
            } else if (c == '$' && pos_ + 1 < src_.size() && is_ident_start(src_[pos_ + 1])) {
                const std::size_t start = pos_++;
                while (pos_ < src_.size() && is_ident_char(src_[pos_])) ++pos_;
                emit(Kind::kVariable, std::string(src_.substr(start + 1, pos_ - start - 1)), false,
                     start);
            } else if (is_ident_start(c) ||
                       (c == '\\' && pos_ + 1 < src_.size() && is_ident_start(src_[pos_ + 1]))) {
                lex_identifier();
                if (halted_) return {};
            } else if (is_digit(c) ||
                       (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
                lex_number();
            } else {
                lex_operator();
            }
        }
        return {};
    }

    void skip_line_comment() {
        while (pos_ < src_.size() && src_[pos_] != '\n' && !starts_with("?>")) ++pos_;
    }

    core::Result<void, std::string> unterminated(std::string_view what, std::size_t start) {
        return core::fail("unterminated " + std::string(what) + " starting on line " +
                          std::to_string(line_at(start)));
    }

    core::Result<void, std::string> lex_single_quoted() {
        const std::size_t start = pos_++;
        std::string out;
        while (pos_ < src_.size()) {
            const char c = src_[pos_];
            if (c == '\\' && pos_ + 1 < src_.size() &&
                (src_[pos_ + 1] == '\\' || src_[pos_ + 1] == '\'')) {
                out += src_[pos_ + 1];
                pos_ += 2;
            } else if (c == '\'') {
                ++pos_;
                emit(Kind::kString, std::move(out), true, start);
                return {};
            } else {
                out += c;
                ++pos_;
            }
        }
        return unterminated("string", start);
    }

    // Decodes what PHP decodes; an unescaped `$` (possible interpolation) makes the value unknown.
    core::Result<void, std::string> lex_double_quoted() {
        const std::size_t start = pos_++;
        std::string out;
        bool literal = true;
        while (pos_ < src_.size()) {
            const char c = src_[pos_];
            if (c == '"') {
                ++pos_;
                emit(Kind::kString, std::move(out), literal, start);
                return {};
            }
            if (c == '$') {
                literal = false;
                out += c;
                ++pos_;
                continue;
            }
            if (c != '\\' || pos_ + 1 >= src_.size()) {
                out += c;
                ++pos_;
                continue;
            }
            const char n = src_[pos_ + 1];
            pos_ += 2;
            switch (n) {
                case '\\':
                case '"':
                case '$':
                    out += n;
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'v':
                    out += '\v';
                    break;
                case 'e':
                    out += '\x1b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                default:
                    if (!decode_numeric_escape(n, out, literal)) {
                        out += '\\';
                        --pos_;  // an unknown escape keeps its backslash; re-read the char
                    }
            }
        }
        return unterminated("string", start);
    }

    // Octal, \xHH and \u{...}; pos_ is just after the escape letter (or first octal digit).
    bool decode_numeric_escape(char n, std::string& out, bool& literal) {
        if (n >= '0' && n <= '7') {
            unsigned value = static_cast<unsigned>(n - '0');
            for (int i = 0; i < 2 && pos_ < src_.size() && src_[pos_] >= '0' && src_[pos_] <= '7';
                 ++i) {
                value = value * 8 + static_cast<unsigned>(src_[pos_++] - '0');
            }
            out += static_cast<char>(value & 0xFF);  // PHP keeps the low byte of \400..\777
            return true;
        }
        if (n == 'x' && pos_ < src_.size() && is_hex(src_[pos_])) {
            int value = hex_value(src_[pos_++]);
            if (pos_ < src_.size() && is_hex(src_[pos_]))
                value = value * 16 + hex_value(src_[pos_++]);
            out += static_cast<char>(value);
            return true;
        }
        if (n == 'u' && pos_ < src_.size() && src_[pos_] == '{') {
            const std::size_t close = src_.find('}', pos_);
            std::uint32_t cp = 0;
            bool ok = close != std::string_view::npos && close > pos_ + 1 && close - pos_ <= 9;
            for (std::size_t i = pos_ + 1; ok && i < close; ++i) {
                ok = is_hex(src_[i]);
                if (ok) cp = cp * 16 + static_cast<std::uint32_t>(hex_value(src_[i]));
            }
            if (ok && cp <= 0x10FFFF) {
                append_utf8(out, cp);
                pos_ = close + 1;
            } else {
                literal = false;  // PHP refuses to compile it; nothing to trust
            }
            return true;
        }
        return false;
    }

    core::Result<void, std::string> lex_backtick() {
        const std::size_t start = pos_++;
        while (pos_ < src_.size()) {
            if (src_[pos_] == '\\') {
                pos_ += 2;
            } else if (src_[pos_++] == '`') {
                emit(Kind::kOpaque, "", false, start);
                return {};
            }
        }
        return unterminated("backtick string", start);
    }

    core::Result<void, std::string> lex_heredoc() {
        const std::size_t start = pos_;
        std::size_t p = pos_ + 3;
        while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t')) ++p;
        char quote = 0;
        if (p < src_.size() && (src_[p] == '"' || src_[p] == '\'')) quote = src_[p++];
        const std::size_t id_start = p;
        if (p < src_.size() && is_ident_start(src_[p])) {
            while (p < src_.size() && is_ident_char(src_[p])) ++p;
        }
        const std::string_view id = src_.substr(id_start, p - id_start);
        bool ok = !id.empty();
        if (quote != 0) ok = ok && p < src_.size() && src_[p++] == quote;
        if (p < src_.size() && src_[p] == '\r') ++p;
        if (!ok || p >= src_.size() || src_[p] != '\n') {
            lex_operator();  // not a heredoc after all
            return {};
        }
        // The closing marker is the identifier at the start of a line, possibly indented
        // (PHP 7.3), and not followed by an identifier character.
        for (std::size_t line = p + 1; line < src_.size();) {
            std::size_t q = line;
            while (q < src_.size() && (src_[q] == ' ' || src_[q] == '\t')) ++q;
            if (src_.substr(q, id.size()) == id &&
                (q + id.size() == src_.size() || !is_ident_char(src_[q + id.size()]))) {
                pos_ = q + id.size();
                emit(Kind::kOpaque, "", false, start);
                return {};
            }
            const std::size_t nl = src_.find('\n', q);
            if (nl == std::string_view::npos) break;
            line = nl + 1;
        }
        return unterminated("heredoc", start);
    }

    void lex_identifier() {
        const std::size_t start = pos_;
        if (src_[pos_] == '\\') ++pos_;
        const std::size_t name_start = pos_;
        while (pos_ < src_.size()) {
            if (is_ident_char(src_[pos_])) {
                ++pos_;
            } else if (src_[pos_] == '\\' && pos_ + 1 < src_.size() &&
                       is_ident_start(src_[pos_ + 1])) {
                ++pos_;
            } else {
                break;
            }
        }
        std::string text(src_.substr(name_start, pos_ - name_start));
        if (iequals(text, "__halt_compiler")) {
            halted_ = true;  // everything after it is data, not code
            return;
        }
        emit(Kind::kIdent, std::move(text), false, start);
    }

    void lex_number() {
        const std::size_t start = pos_;
        int base = 10;
        bool is_float = false;
        std::string digits;
        if (src_[pos_] == '0' && pos_ + 1 < src_.size() &&
            (lower(src_[pos_ + 1]) == 'x' || lower(src_[pos_ + 1]) == 'b' ||
             lower(src_[pos_ + 1]) == 'o')) {
            const char kind = lower(src_[pos_ + 1]);
            base = kind == 'x' ? 16 : kind == 'b' ? 2 : 8;
            pos_ += 2;
            while (pos_ < src_.size() && (is_hex(src_[pos_]) || src_[pos_] == '_')) {
                if (src_[pos_] != '_') digits += src_[pos_];
                ++pos_;
            }
        } else {
            while (pos_ < src_.size() && (is_digit(src_[pos_]) || src_[pos_] == '_')) {
                if (src_[pos_] != '_') digits += src_[pos_];
                ++pos_;
            }
            if (pos_ < src_.size() && src_[pos_] == '.') {
                is_float = true;
                ++pos_;
                while (pos_ < src_.size() && (is_digit(src_[pos_]) || src_[pos_] == '_')) ++pos_;
            }
            if (pos_ < src_.size() && lower(src_[pos_]) == 'e') {
                std::size_t p = pos_ + 1;
                if (p < src_.size() && (src_[p] == '+' || src_[p] == '-')) ++p;
                if (p < src_.size() && is_digit(src_[p])) {
                    is_float = true;
                    pos_ = p;
                    while (pos_ < src_.size() && is_digit(src_[pos_])) ++pos_;
                }
            }
            if (!is_float && digits.size() > 1 && digits[0] == '0') base = 8;  // legacy octal
        }
        std::int64_t value = 0;
        bool literal = !is_float && !digits.empty();
        if (literal) {
            const auto [end, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
            // Out of range: PHP turns it into a float. A stray digit (09, 0b2): parse error.
            literal = ec == std::errc() && end == digits.data() + digits.size();
        }
        emit(Kind::kNumber, literal ? std::to_string(value) : std::string(), literal, start);
    }

    void lex_operator() {
        for (const std::string_view op : kOperators) {
            if (op != "#[" && starts_with(op)) {
                emit(Kind::kPunct, std::string(op), false, pos_);
                pos_ += op.size();
                return;
            }
        }
        emit(Kind::kPunct, std::string(1, src_[pos_]), false, pos_);
        ++pos_;
    }

    std::string_view src_;
    std::size_t pos_ = 0;
    bool halted_ = false;
    std::vector<std::size_t> newlines_;
    std::vector<Token> tokens_;
};

// Where a statement runs. `certain`: whenever the file is loaded. `guard`: the statement runs
// only if constant `guard` is not yet defined, which makes a define() of that very constant as
// good as unconditional. `top`: file or namespace level, where `const` declares a constant.
struct Ctx {
    bool certain = true;
    std::string guard;
    bool top = true;
};

const Ctx kConditional{false, "", false};

// Walks the token stream statement by statement. It does not build a syntax tree: it only needs
// to know which statements certainly run, and to skip everything else without losing its place.
class Reader {
public:
    Reader(const std::vector<Token>& tokens, WpConfig& out) : t_(tokens), out_(out) {}

    void run() {
        const Ctx top{};
        while (!at_end() && !halted_) {
            if (is_punct(peek(), "}")) {
                ++pos_;  // stray closer: PHP would not compile this, keep reading anyway
                continue;
            }
            statement(top);
        }
    }

private:
    const Token& peek(std::size_t ahead = 0) const {
        return t_[std::min(pos_ + ahead, t_.size() - 1)];
    }
    bool at_end() const { return peek().kind == Kind::kEnd; }
    static bool is_punct(const Token& t, std::string_view op) {
        return t.kind == Kind::kPunct && t.text == op;
    }
    static bool is_word(const Token& t, std::string_view word) {
        return t.kind == Kind::kIdent && iequals(t.text, word);
    }
    static bool is_opener(const Token& t) {
        return is_punct(t, "(") || is_punct(t, "[") || is_punct(t, "{") || is_punct(t, "#[");
    }
    static bool is_closer(const Token& t) {
        return is_punct(t, ")") || is_punct(t, "]") || is_punct(t, "}");
    }
    bool known(const std::string& name) const {
        return out_.constants.count(name) != 0 || out_.unresolved.count(name) != 0;
    }

    // The global define() function, called here (not a method, not a declaration).
    bool at_define_call() const {
        if (!is_word(peek(), "define") || !is_punct(peek(1), "(")) return false;
        if (pos_ == 0) return true;
        const Token& prev = t_[pos_ - 1];
        return !(is_punct(prev, "->") || is_punct(prev, "?->") || is_punct(prev, "::") ||
                 is_word(prev, "function") || is_word(prev, "new") || is_word(prev, "const"));
    }

    void statement(const Ctx& ctx) {
        const Token& t = peek();
        if (t.kind == Kind::kEnd || is_punct(t, "}")) return;  // the caller owns the closer
        if (is_punct(t, ";") || is_punct(t, "@")) {
            ++pos_;  // `@` only silences errors: what follows is still a statement
            return;
        }
        if (is_punct(t, "{")) {
            ++pos_;
            block(Ctx{ctx.certain, ctx.guard, false});
            return;
        }
        if (is_punct(t, "#[")) {
            skip_group(kConditional);
            return;
        }
        if (t.kind == Kind::kVariable && t.text == "table_prefix") {
            table_prefix_statement(ctx);
            return;
        }
        if (t.kind != Kind::kIdent) {
            expression_statement();
            return;
        }
        const std::string& w = t.text;
        if (iequals(w, "if")) {
            if_statement(ctx);
        } else if (iequals(w, "while") || iequals(w, "for") || iequals(w, "foreach") ||
                   iequals(w, "switch") || iequals(w, "declare")) {
            loop_statement(ctx);
        } else if (iequals(w, "do")) {
            ++pos_;
            body(kConditional);
            if (is_word(peek(), "while")) {
                ++pos_;
                skip_group(kConditional);
            }
        } else if (iequals(w, "try")) {
            ++pos_;
            body(kConditional);
            while (is_word(peek(), "catch")) {
                ++pos_;
                skip_group(kConditional);
                body(kConditional);
            }
            if (is_word(peek(), "finally")) {
                ++pos_;
                body(kConditional);
            }
        } else if (iequals(w, "function") || iequals(w, "class") || iequals(w, "interface") ||
                   iequals(w, "trait") || iequals(w, "enum")) {
            declaration();
        } else if (iequals(w, "abstract") || iequals(w, "final") || iequals(w, "readonly") ||
                   iequals(w, "else") || iequals(w, "elseif")) {
            ++pos_;  // a modifier (the declaration follows) or a stray branch keyword
        } else if (iequals(w, "namespace") && !is_punct(peek(1), "(")) {
            namespace_statement(ctx);
        } else if (iequals(w, "const") && ctx.top) {
            const_statement(ctx);
        } else if (iequals(w, "case") || iequals(w, "default")) {
            while (!at_end() && !is_punct(peek(), ":") && !is_punct(peek(), ";") &&
                   !is_punct(peek(), "}")) {
                ++pos_;
            }
            if (!at_end() && !is_punct(peek(), "}")) ++pos_;
        } else if ((iequals(w, "return") || iequals(w, "exit") || iequals(w, "die")) &&
                   ctx.certain) {
            halted_ = true;  // nothing after this line runs
        } else if (at_define_call()) {
            define_call(ctx);
            expression_statement();  // e.g. `or die(...)`, and the `;`
        } else if (is_word(t, "defined") && is_punct(peek(1), "(")) {
            defined_or_define(ctx);
        } else {
            expression_statement();
        }
    }

    // Statements until the matching `}` (consumed).
    void block(const Ctx& ctx) {
        while (!at_end() && !halted_) {
            if (is_punct(peek(), "}")) {
                ++pos_;
                return;
            }
            statement(ctx);
        }
    }

    // The body of a control structure: one statement (a block is one).
    void body(const Ctx& ctx) {
        if (!at_end() && !is_punct(peek(), "}")) statement(ctx);
    }

    // Alternative syntax (`if (...): ... endif;`): statements until one of `ends`.
    void statements_until(const Ctx& ctx, std::initializer_list<std::string_view> ends) {
        while (!at_end() && !halted_ && !is_punct(peek(), "}")) {
            for (const std::string_view end : ends) {
                if (is_word(peek(), end)) return;
            }
            statement(ctx);
        }
    }

    // Skips a balanced group starting at an opener; define() calls inside count with `ctx`.
    // Returns the index range of the tokens inside.
    std::pair<std::size_t, std::size_t> skip_group(const Ctx& ctx) {
        if (!is_opener(peek())) return {pos_, pos_};
        ++pos_;
        const std::size_t inner = pos_;
        int depth = 0;
        while (!at_end()) {
            if (at_define_call()) {
                define_call(ctx);
                continue;
            }
            const Token& t = peek();
            if (is_opener(t)) {
                ++depth;
            } else if (is_closer(t)) {
                if (depth == 0) {
                    ++pos_;
                    return {inner, pos_ - 1};
                }
                --depth;
            }
            ++pos_;
        }
        return {inner, pos_};
    }

    // Skips to the end of the current statement (`;` consumed, an unmatched `}` left).
    void expression_statement() {
        const std::size_t start = pos_;
        int depth = 0;
        while (!at_end()) {
            const Token& t = peek();
            if (at_define_call()) {
                define_call(kConditional);
                continue;
            }
            if (t.kind == Kind::kVariable && t.text == "table_prefix" && pos_ != start &&
                is_assignment(peek(1))) {
                mark_table_prefix_unresolved();
            }
            if (is_opener(t)) {
                ++depth;
            } else if (is_closer(t)) {
                if (depth == 0) {
                    if (!is_punct(t, "}") && pos_ == start) ++pos_;  // always make progress
                    return;
                }
                --depth;
            } else if (is_punct(t, ";") && depth == 0) {
                ++pos_;
                return;
            }
            ++pos_;
        }
    }

    static bool is_assignment(const Token& t) {
        if (t.kind != Kind::kPunct) return false;
        const std::string& s = t.text;
        return s == "=" || (s.size() >= 2 && s.back() == '=' && s != "==" && s != "===" &&
                            s != "!=" && s != "!==" && s != "<=" && s != ">=");
    }

    void if_statement(const Ctx& ctx) {
        ++pos_;
        const auto [begin, end] = skip_group(kConditional);
        Ctx branch = kConditional;
        if (ctx.certain) branch.guard = guard_name(begin, end);
        if (is_punct(peek(), ":")) {
            ++pos_;
            statements_until(branch, {"elseif", "else", "endif"});
            while (!at_end() && !halted_) {
                if (is_word(peek(), "elseif")) {
                    ++pos_;
                    skip_group(kConditional);
                } else if (is_word(peek(), "else")) {
                    ++pos_;
                } else {
                    if (is_word(peek(), "endif")) ++pos_;
                    break;
                }
                if (is_punct(peek(), ":")) ++pos_;
                statements_until(kConditional, {"elseif", "else", "endif"});
            }
            return;
        }
        body(branch);
        while (!at_end() && !halted_) {
            if (is_word(peek(), "elseif")) {
                ++pos_;
                skip_group(kConditional);
                body(kConditional);
            } else if (is_word(peek(), "else")) {
                ++pos_;
                body(kConditional);  // `else if` is an if statement as the body
                return;
            } else {
                return;
            }
        }
    }

    // `! defined ( 'NAME' )` exactly.
    std::string guard_name(std::size_t begin, std::size_t end) const {
        if (end - begin != 5) return "";
        const Token* g = &t_[begin];
        if (is_punct(g[0], "!") && is_word(g[1], "defined") && is_punct(g[2], "(") &&
            g[3].kind == Kind::kString && g[3].literal && is_punct(g[4], ")")) {
            return g[3].text;
        }
        return "";
    }

    void loop_statement(const Ctx& ctx) {
        const std::string word = [&] {
            std::string w = peek().text;
            std::transform(w.begin(), w.end(), w.begin(), lower);
            return w;
        }();
        ++pos_;
        skip_group(kConditional);
        // declare(strict_types=1); has no body; a declare block runs like plain code.
        const Ctx inner = word == "declare" ? Ctx{ctx.certain, ctx.guard, false} : kConditional;
        if (is_punct(peek(), ":")) {
            ++pos_;
            const std::string end_word = "end" + word;
            statements_until(inner, {end_word});
            if (is_word(peek(), end_word)) ++pos_;
            return;
        }
        if (word == "declare" && is_punct(peek(), ";")) {
            ++pos_;
            return;
        }
        body(inner);
    }

    // function/class/interface/trait/enum: nothing in the body runs at load time, but a
    // define() inside could run later, so it counts as conditional.
    void declaration() {
        ++pos_;
        int depth = 0;
        while (!at_end()) {
            const Token& t = peek();
            if (is_punct(t, "{") && depth == 0) {
                ++pos_;
                block(kConditional);
                return;
            }
            if (is_punct(t, ";") && depth == 0) {
                ++pos_;
                return;
            }
            if (is_punct(t, "}") && depth == 0) return;
            if (is_punct(t, "(") || is_punct(t, "[")) ++depth;
            if ((is_punct(t, ")") || is_punct(t, "]")) && depth > 0) --depth;
            ++pos_;
        }
    }

    void namespace_statement(const Ctx& ctx) {
        ++pos_;
        std::string name;
        if (peek().kind == Kind::kIdent) name = t_[pos_++].text;
        if (is_punct(peek(), "{")) {
            ++pos_;
            const std::string outer = namespace_;
            namespace_ = name;
            block(Ctx{ctx.certain, ctx.guard, true});
            namespace_ = outer;
            return;
        }
        namespace_ = name;
        expression_statement();
    }

    // `const A = 1, B = 'x';` at top level. Constant expressions cannot call functions, so
    // anything but a literal here refers to other constants: unresolved.
    void const_statement(const Ctx& ctx) {
        ++pos_;
        while (peek().kind == Kind::kIdent && is_punct(peek(1), "=")) {
            const std::string name =
                namespace_.empty() ? peek().text : namespace_ + "\\" + peek().text;
            pos_ += 2;
            const std::size_t begin = pos_;
            int depth = 0;
            while (!at_end()) {
                const Token& t = peek();
                if (depth == 0 && (is_punct(t, ",") || is_punct(t, ";") || is_punct(t, "}"))) {
                    break;
                }
                if (is_opener(t)) ++depth;
                if (is_closer(t)) --depth;
                ++pos_;
            }
            record(name, begin, pos_, ctx.certain);
            if (!is_punct(peek(), ",")) break;
            ++pos_;
        }
        expression_statement();
    }

    // `defined( 'X' ) || define( 'X', … );` (also `or`): a guarded define.
    void defined_or_define(const Ctx& ctx) {
        const std::size_t save = pos_;
        ++pos_;
        const auto [begin, end] = skip_group(kConditional);
        const bool shape = end - begin == 1 && t_[begin].kind == Kind::kString &&
                           t_[begin].literal && (is_punct(peek(), "||") || is_word(peek(), "or"));
        if (shape) {
            ++pos_;
            if (at_define_call()) {
                Ctx guarded{false, ctx.certain ? t_[begin].text : "", false};
                define_call(guarded);
                expression_statement();
                return;
            }
        }
        pos_ = save + 1;  // `defined` itself is done; the rest is an ordinary expression
        expression_statement();
    }

    // At `define (`: reads the arguments up to the matching `)`.
    void define_call(const Ctx& ctx) {
        pos_ += 2;
        std::vector<std::pair<std::size_t, std::size_t>> args;
        std::size_t arg_begin = pos_;
        int depth = 0;
        while (!at_end()) {
            const Token& t = peek();
            if (depth == 0 && (is_punct(t, ")") || is_punct(t, ","))) {
                args.emplace_back(arg_begin, pos_);
                ++pos_;
                if (is_punct(t, ")")) break;
                arg_begin = pos_;
                continue;
            }
            if (depth == 0 && (is_punct(t, ";") || is_punct(t, "}"))) return;  // malformed
            if (is_opener(t)) ++depth;
            if (is_closer(t)) --depth;
            ++pos_;
        }
        if (args.size() < 2) return;
        const auto [name_begin, name_end] = args[0];
        if (name_end - name_begin != 1) return;  // a computed name: nothing we can record
        const Token& name = t_[name_begin];
        if (name.kind != Kind::kString || !name.literal || name.text.empty()) return;
        const bool certain = ctx.certain || (!ctx.guard.empty() && ctx.guard == name.text);
        record(name.text, args[1].first, args[1].second, certain);
    }

    void record(const std::string& name, std::size_t begin, std::size_t end, bool certain) {
        if (known(name)) return;  // PHP keeps the first definition
        const std::optional<std::string> value = certain ? literal_value(begin, end) : std::nullopt;
        if (value) {
            out_.constants[name] = *value;
        } else {
            out_.unresolved.insert(name);
        }
    }

    // A single literal (optionally a signed integer), as PHP's string cast prints it.
    std::optional<std::string> literal_value(std::size_t begin, std::size_t end) const {
        if (end - begin == 1) {
            const Token& v = t_[begin];
            if ((v.kind == Kind::kString || v.kind == Kind::kNumber) && v.literal) return v.text;
            if (is_word(v, "true")) return "1";
            if (is_word(v, "false") || is_word(v, "null")) return "";
            return std::nullopt;
        }
        if (end - begin == 2 && (is_punct(t_[begin], "-") || is_punct(t_[begin], "+")) &&
            t_[begin + 1].kind == Kind::kNumber && t_[begin + 1].literal) {
            const std::string& digits = t_[begin + 1].text;
            return is_punct(t_[begin], "-") && digits != "0" ? "-" + digits : digits;
        }
        return std::nullopt;
    }

    void table_prefix_statement(const Ctx& ctx) {
        ++pos_;
        if (!is_assignment(peek())) {
            --pos_;
            expression_statement();
            return;
        }
        const bool plain = is_punct(peek(), "=");
        ++pos_;
        const std::size_t begin = pos_;
        const Token& v = peek();
        if (plain && ctx.certain && (v.kind == Kind::kString && v.literal) &&
            (is_punct(peek(1), ";") || peek(1).kind == Kind::kEnd)) {
            out_.table_prefix = v.text;
            out_.table_prefix_set = true;
            out_.unresolved.erase(std::string(kTablePrefixVariable));
            ++pos_;
            expression_statement();
            return;
        }
        // Variables, unlike constants, take the last assignment: a later literal one wins again.
        mark_table_prefix_unresolved();
        pos_ = begin;
        expression_statement();
    }

    void mark_table_prefix_unresolved() {
        out_.table_prefix = "wp_";
        out_.table_prefix_set = false;
        out_.unresolved.insert(std::string(kTablePrefixVariable));
    }

    const std::vector<Token>& t_;
    WpConfig& out_;
    std::size_t pos_ = 0;
    bool halted_ = false;
    std::string namespace_;
};

bool valid_table_prefix(std::string_view prefix) {
    return !prefix.empty() && std::all_of(prefix.begin(), prefix.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    });
}

core::Result<int, std::string> parse_port(std::string_view text, std::string_view db_host) {
    int port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || port < 1 ||
        port > 65535) {
        return core::fail("DB_HOST '" + std::string(db_host) + "': invalid port '" +
                          std::string(text) + "' (expected 1..65535)");
    }
    return port;
}

}  // namespace

core::Result<WpConfig, std::string> parse_wp_config(std::string_view php_source) {
    auto tokens = Lexer(php_source).run();
    if (!tokens) return core::fail(std::move(tokens).error());
    WpConfig config;
    Reader(*tokens, config).run();
    if (config.table_prefix_set && !valid_table_prefix(config.table_prefix)) {
        return core::fail("$table_prefix '" + config.table_prefix +
                          "' is invalid: only letters, digits and '_' are allowed");
    }
    return config;
}

core::Result<WpConfig, std::string> read_wp_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::fail(path + ": cannot open: " + std::strerror(errno));
    std::string text;
    char buffer[8192];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxFileBytes)
            return core::fail(path + ": too large for a wp-config.php");
    }
    if (in.bad()) return core::fail(path + ": read error");
    auto config = parse_wp_config(text);
    if (!config) return core::fail(path + ": " + config.error());
    return config;
}

bool php_truthy(std::string_view value) { return !value.empty() && value != "0"; }

core::Result<DbHostParts, std::string> split_db_host(std::string_view db_host) {
    std::string_view rest = db_host;
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    while (!rest.empty() && is_space(rest.back())) rest.remove_suffix(1);
    DbHostParts parts;
    // The socket is everything after the first ":/" (a path may itself contain ':').
    if (const std::size_t s = rest.find(":/"); s != std::string_view::npos) {
        parts.socket = std::string(rest.substr(s + 1));
        rest = rest.substr(0, s);
    }
    std::string_view port_text;
    bool has_port = false;
    if (!rest.empty() && rest.front() == '[') {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos || close == 1) {
            return core::fail("DB_HOST '" + std::string(db_host) + "': malformed [IPv6] address");
        }
        parts.host = std::string(rest.substr(1, close - 1));
        const std::string_view after = rest.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                return core::fail("DB_HOST '" + std::string(db_host) +
                                  "': unexpected text after ']'");
            }
            has_port = true;
            port_text = after.substr(1);
        }
    } else if (std::count(rest.begin(), rest.end(), ':') >= 2) {
        parts.host = std::string(rest);  // a bare IPv6 literal cannot carry a port
    } else if (const std::size_t colon = rest.find(':'); colon != std::string_view::npos) {
        parts.host = std::string(rest.substr(0, colon));
        has_port = true;
        port_text = rest.substr(colon + 1);
    } else {
        parts.host = std::string(rest);
    }
    if (has_port) {
        auto port = parse_port(port_text, db_host);
        if (!port) return core::fail(std::move(port).error());
        parts.port = *port;
    }
    return parts;
}

DbAddress resolve_db_address(const DbHostParts& parts, std::string_view default_socket) {
    DbAddress address;
    address.host = parts.host.empty() ? "localhost" : parts.host;
    address.port = parts.port.value_or(kDefaultMysqlPort);
    if (!parts.socket.empty()) {
        address.socket = parts.socket;
    } else if (iequals(address.host, "localhost")) {
        if (parts.port || default_socket.empty()) {
            address.host = "127.0.0.1";
        } else {
            address.socket = std::string(default_socket);
        }
    }
    return address;
}

core::Result<DbAddress, std::string> parse_db_host(std::string_view db_host,
                                                   std::string_view default_socket) {
    auto parts = split_db_host(db_host);
    if (!parts) return core::fail(std::move(parts).error());
    return resolve_db_address(*parts, default_socket);
}

std::map<std::string, std::string> usable_salts(const std::map<std::string, std::string>& values) {
    std::map<std::string, int> uses;
    for (const std::string_view name : kSaltConstants) {
        if (const auto it = values.find(std::string(name)); it != values.end()) {
            ++uses[it->second];
        }
    }
    std::map<std::string, std::string> usable;
    for (const std::string_view name : kSaltConstants) {
        const auto it = values.find(std::string(name));
        if (it == values.end()) continue;
        const std::string& value = it->second;
        if (!value.empty() && value != kSaltPlaceholder && uses[value] == 1) {
            usable.emplace(name, value);
        }
    }
    return usable;
}

std::optional<std::string> effective_salt(const WpConfig& config, std::string_view name) {
    const auto usable = usable_salts(config.constants);
    if (const auto it = usable.find(std::string(name)); it != usable.end()) return it->second;
    return std::nullopt;
}

}  // namespace cartpress::config
