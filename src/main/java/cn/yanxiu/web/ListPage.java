package cn.yanxiu.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list on a page (accounts, runs, the approval queue, a teacher's activities): searched by the
 * words typed in {@code q}, sorted by a column the list allows, cut into pages. Lists of a county's size are
 * paged in memory; the teacher directory, which grows with a province, pages in SQL ({@link #offset}).
 */
public record ListPage<T>(List<T> items, int page, int pages, long total, String sort, boolean descending, String q) {

    public static final int SIZE = 50;

    /** What the request asked for; unknown sorts fall back to the list's first, pages are clamped later. */
    public record Request(int page, String sort, boolean descending, String q) {

        public static Request of(Integer page, String sort, String dir, String q) {
            String query = q == null ? "" : q.strip();
            return new Request(page == null || page < 1 ? 1 : page, sort, "desc".equalsIgnoreCase(dir),
                    query.length() > 64 ? query.substring(0, 64) : query);
        }

        public long offset() {
            return (long) (page - 1) * SIZE;
        }
    }

    /**
     * The page of {@code all} the request asks for: rows whose {@code text} contains every typed word, sorted by one
     * of {@code sorts} (the first is the default), {@link #SIZE} to a page.
     */
    public static <T> ListPage<T> of(List<T> all, Request r, Map<String, Comparator<T>> sorts, Function<T, String> text) {
        String sort = r.sort() != null && sorts.containsKey(r.sort()) ? r.sort() : sorts.keySet().iterator().next();
        Comparator<T> order = sorts.get(sort);
        String[] words = r.q().toLowerCase(Locale.ROOT).split("\\s+");
        List<T> found = all.stream().filter(t -> {
            String haystack = text.apply(t).toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!w.isEmpty() && !haystack.contains(w)) {
                    return false;
                }
            }
            return true;
        }).sorted(r.descending() ? order.reversed() : order).toList();
        int pages = Math.max(1, (found.size() + SIZE - 1) / SIZE);
        int page = Math.min(r.page(), pages);
        List<T> items = found.subList(Math.min(found.size(), (page - 1) * SIZE), Math.min(found.size(), page * SIZE));
        return new ListPage<>(items, page, pages, found.size(), sort, r.descending(), r.q());
    }

    /** A page whose rows were already cut by the database, out of {@code total}. */
    public static <T> ListPage<T> ofRows(List<T> items, long total, Request r, String sort) {
        int pages = (int) Math.max(1, (total + SIZE - 1) / SIZE);
        return new ListPage<>(items, Math.min(r.page(), pages), pages, total, sort, r.descending(), r.q());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The direction a click on column {@code key} asks for: the other way when it is the current sort. */
    public String dirFor(String key) {
        return key.equals(sort) && !descending ? "desc" : "asc";
    }

    /** The arrow beside the current sort column's header, for eyes and for screen readers (aria-sort). */
    public String ariaSort(String key) {
        return !key.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }
}
