#include "countries.hpp"

#include <cartpress/json/rapidjson.hpp>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "fluent_cart_data/country_names_tsv.hpp"
#include "fluent_cart_data/state_names_tsv.hpp"

namespace cartpress::plugins::fluent_cart {
namespace {

using Fields = std::vector<std::string_view>;

// Calls fn(fields) for each data line of a TSV (not blank, not a # comment).
template <class Fn>
core::Result<void, std::string> for_each_tsv_row(std::string_view tsv, std::string_view what,
                                                 Fn&& fn) {
    std::size_t line_number = 0;
    while (!tsv.empty()) {
        ++line_number;
        const auto eol = tsv.find('\n');
        std::string_view line = tsv.substr(0, eol);
        tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
        if (line.empty() || line.front() == '#') continue;
        Fields fields;
        for (;;) {
            const auto tab = line.find('\t');
            fields.push_back(line.substr(0, tab));
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        auto row = fn(fields);
        if (!row) {
            return core::fail(std::string(what) + " line " + std::to_string(line_number) + ": " +
                              row.error());
        }
    }
    return {};
}

// The data files spell a trailing space as \s, so no line ends in whitespace an editor might
// strip; \\ is a backslash. Nothing else may follow a backslash.
core::Result<std::string, std::string> unescape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (next == 's') {
            out += ' ';
        } else if (next == '\\') {
            out += '\\';
        } else {
            return core::fail(std::string("unknown escape in \"") + std::string(text) + "\"");
        }
        ++i;
    }
    return out;
}

// PHP stores an array key that spells a canonical decimal int64 ("81", "-3"; not "081", "+1",
// "-0") as an integer.
bool is_php_integer_key(std::string_view key) {
    if (key.empty() || key == "-0") return false;
    const std::string_view digits = key.front() == '-' ? key.substr(1) : key;
    if (digits.empty() || (digits.front() == '0' && digits.size() > 1)) return false;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), value);
    return ec == std::errc() && end == key.data() + key.size();
}

// FluentCart looks a state up in a collection flattened with array_merge(), which renumbers
// integer keys 0, 1, 2… in order and keeps string keys (a later duplicate wins). So UM's "81"
// (Baker Island) is found as "0" and "81" is not found at all; state_name reproduces that.
void merge_php_style(const std::vector<std::pair<std::string, std::string>>& entries,
                     std::int64_t& next_index,
                     std::map<std::string, std::string, std::less<>>& into) {
    for (const auto& [code, name] : entries) {
        if (is_php_integer_key(code)) {
            into.insert_or_assign(std::to_string(next_index++), name);
        } else {
            into.insert_or_assign(code, name);
        }
    }
}

bool is_php_empty(std::string_view s) { return s.empty() || s == "0"; }

core::Result<std::string, std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::fail("cannot open " + path);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return core::fail("cannot read " + path);
    return text;
}

}  // namespace

core::Result<Countries, std::string> Countries::load(const std::string& iso_codes_json_dir) {
    const std::string path = iso_codes_json_dir + "/iso_3166-1.json";
    auto json = read_file(path);
    if (!json) return core::fail(json.error());
    auto countries = from_data(*json, embedded::kCountryNamesTsv, embedded::kStateNamesTsv);
    if (!countries) return core::fail(path + ": " + countries.error());
    return countries;
}

core::Result<Countries, std::string> Countries::from_data(std::string_view iso_3166_1_json,
                                                          std::string_view country_overrides_tsv,
                                                          std::string_view state_names_tsv) {
    Countries result;

    json::Document doc;
    doc.Parse(iso_3166_1_json.data(), iso_3166_1_json.size());
    if (doc.HasParseError()) {
        return core::fail(std::string("invalid JSON: ") +
                          rapidjson::GetParseError_En(doc.GetParseError()) + " at offset " +
                          std::to_string(doc.GetErrorOffset()));
    }
    if (!doc.IsObject() || !doc.HasMember("3166-1") || !doc["3166-1"].IsArray()) {
        return core::fail(std::string("no \"3166-1\" list"));
    }
    for (const auto& entry : doc["3166-1"].GetArray()) {
        if (!entry.IsObject() || !entry.HasMember("alpha_2") || !entry["alpha_2"].IsString() ||
            !entry.HasMember("name") || !entry["name"].IsString()) {
            return core::fail(std::string("a \"3166-1\" entry lacks alpha_2 or name"));
        }
        // FluentCart's list follows the short names ("Bolivia", not "Bolivia, Plurinational
        // State of"), which iso-codes keeps as common_name.
        const bool has_common = entry.HasMember("common_name") && entry["common_name"].IsString();
        const auto& name = has_common ? entry["common_name"] : entry["name"];
        result.countries_.insert_or_assign(std::string(json::view(entry["alpha_2"])),
                                           std::string(json::view(name)));
    }
    if (result.countries_.empty()) return core::fail(std::string("empty \"3166-1\" list"));

    auto overrides = for_each_tsv_row(
        country_overrides_tsv, "country-names.tsv",
        [&](const Fields& fields) -> core::Result<void, std::string> {
            if (fields.size() != 2 || fields[0].empty()) {
                return core::fail(std::string("want <code>\\t<name>"));
            }
            auto name = unescape(fields[1]);
            if (!name) return core::fail(name.error());
            result.countries_.insert_or_assign(std::string(fields[0]), std::move(*name));
            return {};
        });
    if (!overrides) return core::fail(overrides.error());

    // Rows per country in file order: the order decides how integer codes are renumbered.
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> lists;
    auto states = for_each_tsv_row(
        state_names_tsv, "state-names.tsv",
        [&](const Fields& fields) -> core::Result<void, std::string> {
            if (fields.size() != 3 || fields[0].empty() || fields[1].empty()) {
                return core::fail(std::string("want <country>\\t<state>\\t<name>"));
            }
            auto name = unescape(fields[2]);
            if (!name) return core::fail(name.error());
            if (lists.empty() || lists.back().first != fields[0]) {
                for (const auto& [country, rows] : lists) {
                    if (country == fields[0]) {
                        return core::fail("rows of " + std::string(fields[0]) +
                                          " are not together");
                    }
                }
                lists.push_back({std::string(fields[0]), {}});
            }
            auto& rows = lists.back().second;
            for (const auto& [code, existing] : rows) {
                if (code == fields[1]) return core::fail("duplicate state " + code);
            }
            rows.emplace_back(std::string(fields[1]), std::move(*name));
            return {};
        });
    if (!states) return core::fail(states.error());

    std::int64_t all_index = 0;
    for (const auto& [country, rows] : lists) {
        auto& codes = result.state_codes_[country];
        for (const auto& row : rows) codes.insert(row.first);
        std::int64_t index = 0;
        merge_php_style(rows, index, result.states_by_country_[country]);
        merge_php_style(rows, all_index, result.all_states_);
    }
    return result;
}

std::string Countries::country_name(std::string_view code) const {
    if (is_php_empty(code)) return "";
    const auto it = countries_.find(code);
    return it == countries_.end() ? std::string(code) : it->second;
}

bool Countries::has_country(std::string_view code) const {
    return countries_.find(code) != countries_.end();
}

bool Countries::has_state_list(std::string_view country) const {
    return state_codes_.find(country) != state_codes_.end();
}

bool Countries::has_state(std::string_view country, std::string_view state) const {
    const auto list = state_codes_.find(country);
    return list != state_codes_.end() && list->second.find(state) != list->second.end();
}

std::string Countries::state_name(std::string_view country, std::string_view state) const {
    const NameMap* names = &all_states_;
    if (!is_php_empty(country)) {
        const auto list = states_by_country_.find(country);
        if (list == states_by_country_.end()) return std::string(state);
        names = &list->second;
    }
    const auto it = names->find(state);
    return it == names->end() ? std::string(state) : it->second;
}

}  // namespace cartpress::plugins::fluent_cart
