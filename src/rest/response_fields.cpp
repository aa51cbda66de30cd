#include <cartpress/rest/response_fields.hpp>
#include <map>
#include <string>
#include <vector>

namespace cartpress::rest {
namespace {

struct FieldTree {
    bool whole = false;  // the key itself was requested: keep all below it
    std::map<std::string, FieldTree, std::less<>> children;
};

void add_path(FieldTree& root, std::string_view path) {
    FieldTree* node = &root;
    while (!path.empty()) {
        const auto dot = path.find('.');
        std::string key(path.substr(0, dot));
        path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
        node = &node->children[key];
        if (node->whole) return;  // "a" already keeps everything under "a"
    }
    node->whole = true;
    node->children.clear();
}

void add_list(FieldTree& root, std::string_view list) {
    std::size_t pos = 0;
    while (pos < list.size()) {
        std::size_t end = list.find_first_of(", \t\n\r", pos);
        if (end == std::string_view::npos) end = list.size();
        if (end > pos) add_path(root, list.substr(pos, end - pos));
        pos = end + 1;
    }
}

void filter_object(json::Value& object, const FieldTree& tree, json::Allocator& alloc) {
    if (!object.IsObject()) return;
    for (auto it = object.MemberBegin(); it != object.MemberEnd();) {
        auto found = tree.children.find(json::view(it->name));
        if (found == tree.children.end()) {
            it = object.EraseMember(it);
            continue;
        }
        if (!found->second.whole) filter_object(it->value, found->second, alloc);
        ++it;
    }
}

}  // namespace

void filter_response_fields(json::Document& data, const json::Value& fields) {
    FieldTree tree;
    if (fields.IsString()) {
        add_list(tree, json::view(fields));
    } else if (fields.IsArray()) {
        for (const auto& f : fields.GetArray()) {
            if (f.IsString()) add_list(tree, json::view(f));
        }
    } else {
        return;
    }
    if (tree.children.empty()) return;
    auto& alloc = data.GetAllocator();
    if (data.IsArray()) {
        for (auto& item : data.GetArray()) filter_object(item, tree, alloc);
    } else {
        filter_object(data, tree, alloc);
    }
}

}  // namespace cartpress::rest
