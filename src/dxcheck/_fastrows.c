/* The row loop's fast path, in C: dxcheck._fastrows.FastRows.

   The row loop (dxcheck/rowscan.py, compiled with mypyc) reads every row of a progress
   CSV. At commune scale its cost is CPython's objects: a string and a hashed lookup per
   cell, a list per row. This reader reads the lines first, with the same readline, so
   that the lines, and where a byte that is not UTF-8 stops the reading, are the loop's,
   and handles, without making a Python object per cell, every row that is plain
   throughout:

     - no NUL, at most FAST_LINE_LIMIT characters, as many cells as the header;
     - a quoted cell closed on its own line (and, in a cell the loop reads, no doubled
       quote);
     - a target, entity and unit cell as the loop finds them without a slow path (its
       memo, or its known spellings: RowScanner.series_of, which makes a new series as the
       loop would); a date cell in its table of dates;
     - a numeric value in the strict form [+-]digits[.digits] that the loop's own fast
       test accepts (no 3 digits after a dot, no dot under --decimal comma, within the
       series' range), or a milestone's word in the loop's table of exact spellings; no
       ``reported`` cell.

   For such a row it calls Series.take (compiled with the loop), which records it exactly
   as the loop would, or declines (a date seen before, the catalog baseline's date). Any
   other line is handed to the loop as the next item of this iterator, and the loop reads
   it as it reads every line without this reader: the reader only ever skips work, never
   decides differently. The values are the same doubles: PyOS_string_to_double is what
   float() uses.

   Line numbers and the row count are kept here (``line``, ``rows``) and read and set by
   the loop around each line it handles; ``passthrough()`` gives the lines a quoted cell
   spanning lines takes, counted. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#ifndef DXCHECK_SOURCE
#define DXCHECK_SOURCE ""
#endif

#define FAST_LINE_LIMIT 4096 /* as rowscan.FAST_LINE_LIMIT */
#define PROGRESS_EVERY 0x3FFF /* as rowscan._PROGRESS_EVERY */
#define VALUE_LIMIT 64

/* the cells the reader looks at, by role */
enum { C_TARGET, C_ENTITY, C_UNIT, C_DATE, C_VALUE, C_SOURCE, C_REPORTED, C_ROLES };

/* The first ``c`` in ``p[0:n]``, or NULL: glibc's wmemchr looks at many characters at
   a time where wchar_t is 32 bits (a loop a character at a time was most of a row). */
static inline const Py_UCS4 *
find_char(const Py_UCS4 *p, Py_ssize_t n, Py_UCS4 c)
{
#if WCHAR_MAX > 0xFFFF
    return (const Py_UCS4 *)wmemchr((const wchar_t *)p, (wchar_t)c, (size_t)n);
#else
    for (Py_ssize_t i = 0; i < n; i++)
        if (p[i] == c)
            return p + i;
    return NULL;
#endif
}

/* ------------------------------------------------------------------ keys ---- */

typedef struct {
    uint64_t hash;
    Py_UCS4 *key; /* NULL: an empty slot */
    Py_ssize_t len;
    Py_ssize_t value;
} Entry;

typedef struct {
    Entry *entries;
    Py_ssize_t capacity; /* a power of two */
    Py_ssize_t used;
} Table;

static uint64_t
hash_of(const Py_UCS4 *p, Py_ssize_t n)
{
    /* two characters at a time, each step a multiply and a shift (a byte-at-a-time hash
       made the lookups cost more than the rest of a row) */
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL;
    Py_ssize_t i = 0;
    for (; i + 2 <= n; i += 2) {
        h = (h ^ ((uint64_t)p[i] | (uint64_t)p[i + 1] << 32)) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    if (i < n)
        h = (h ^ p[i]) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
}

static int
table_init(Table *t)
{
    t->capacity = 64;
    t->used = 0;
    t->entries = PyMem_Calloc((size_t)t->capacity, sizeof(Entry));
    if (t->entries == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
table_free(Table *t)
{
    if (t->entries == NULL)
        return;
    for (Py_ssize_t i = 0; i < t->capacity; i++)
        PyMem_Free(t->entries[i].key);
    PyMem_Free(t->entries);
    t->entries = NULL;
}

/* The value of a key, or -1. */
static Py_ssize_t
table_get(const Table *t, const Py_UCS4 *p, Py_ssize_t n, uint64_t h)
{
    Py_ssize_t mask = t->capacity - 1;
    for (Py_ssize_t i = (Py_ssize_t)(h & (uint64_t)mask);; i = (i + 1) & mask) {
        const Entry *e = &t->entries[i];
        if (e->key == NULL)
            return -1;
        if (e->hash == h && e->len == n && memcmp(e->key, p, (size_t)n * sizeof(Py_UCS4)) == 0)
            return e->value;
    }
}

static int
table_grow(Table *t)
{
    Table bigger = {NULL, t->capacity * 2, t->used};
    bigger.entries = PyMem_Calloc((size_t)bigger.capacity, sizeof(Entry));
    if (bigger.entries == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t mask = bigger.capacity - 1;
    for (Py_ssize_t i = 0; i < t->capacity; i++) {
        Entry *e = &t->entries[i];
        if (e->key == NULL)
            continue;
        Py_ssize_t j = (Py_ssize_t)(e->hash & (uint64_t)mask);
        while (bigger.entries[j].key != NULL)
            j = (j + 1) & mask;
        bigger.entries[j] = *e;
    }
    PyMem_Free(t->entries);
    *t = bigger;
    return 0;
}

/* Add a key not in the table: the table's copy of it (which lives as long as the table),
   or NULL on error. */
static const Py_UCS4 *
table_add(Table *t, const Py_UCS4 *p, Py_ssize_t n, uint64_t h, Py_ssize_t value)
{
    if ((t->used + 1) * 2 > t->capacity && table_grow(t) < 0)
        return NULL;
    Py_UCS4 *copy = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(copy, p, (size_t)n * sizeof(Py_UCS4));
    Py_ssize_t mask = t->capacity - 1;
    Py_ssize_t i = (Py_ssize_t)(h & (uint64_t)mask);
    while (t->entries[i].key != NULL)
        i = (i + 1) & mask;
    t->entries[i] = (Entry){h, copy, n, value};
    t->used++;
    return copy;
}

/* ---------------------------------------------------------- what is known ---- */

typedef struct {
    const Py_UCS4 *key; /* the target cell as written (the table's copy) */
    Py_ssize_t len;
    PyObject *units_ok; /* the kind's set of unit cells accepted */
    Py_UCS4 *unit;      /* the last unit cell found in it, or NULL */
    Py_ssize_t unit_len;
    int numeric;
    double low, high;
    PyObject **slots; /* by entity number: the series, or NULL */
    Py_ssize_t n_slots;
} Target;

typedef struct {
    const Py_UCS4 *key; /* the date cell as written (the table's copy) */
    Py_ssize_t len;
    PyObject *code, *bit, *t;
} Day;

typedef struct {
    PyObject_HEAD
    PyObject *readline; /* the file's lines: readline(limit), "" at the end */
    PyObject *limit;
    Table source_cells; /* a source cell -> one string for all its rows */
    PyObject **sources;
    Py_ssize_t n_sources;
    PyObject *take;   /* Series.take, as built */
    PyObject *series_of; /* RowScanner.series_of: a row's series, found or made, or None */
    PyObject *dates;     /* the loop's table of dates: a date cell -> (code, bit, t) */
    PyObject *milestones; /* its table of milestone words: a value cell -> 1.0 or 0.0 */
    PyObject *on_rows;
    PyObject *file_index;
    PyObject *checking_only;
    Py_ssize_t width;
    Py_UCS4 delimiter;
    Py_ssize_t columns[C_ROLES]; /* -1: no such column */
    signed char *role_of;        /* by column: its role, or -1 */
    int strip_last;
    int dot_is_decimal;
    Py_ssize_t line; /* the line the next line read is */
    Py_ssize_t rows; /* rows so far, read here or by the loop */
    Py_ssize_t fast; /* of those, read here */
    Table target_cells;
    Target *targets;
    Py_ssize_t n_targets;
    Table entity_cells; /* entity cell -> its number, shared by the targets */
    Py_ssize_t n_entities;
    Table date_cells;
    Day *days;
    Py_ssize_t n_days;
    Py_ssize_t last_target; /* the previous row's, or -1 */
    Py_ssize_t last_day;
    PyObject *empty; /* "" */
    Py_UCS4 buffer[FAST_LINE_LIMIT + 1]; /* the line being read */
} FastRows;

static PyTypeObject FastRowsType;
static PyTypeObject PassthroughType;

/* ------------------------------------------------------------- the type ---- */

static int
FastRows_init(FastRows *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"readline", "limit", "take", "series_of", "dates", "milestones", "width", "delimiter", "i_target", "i_entity", "i_unit",
                             "i_date", "i_value", "i_source", "i_reported", "strip_last",
                             "dot_is_decimal", "checking_only", "file_index", "first_line", "on_rows",
                             NULL};
    PyObject *readline, *limit, *take, *series_of, *dates, *milestones, *delimiter, *checking_only, *file_index, *on_rows;
    Py_ssize_t width, first_line;
    Py_ssize_t cols[C_ROLES];
    int strip_last, dot_is_decimal;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOO!O!nUnnnnnnnppOOnO", kwlist, &readline, &limit, &take, &series_of,
                                     &PyDict_Type, &dates, &PyDict_Type, &milestones, &width,
                                     &delimiter, &cols[C_TARGET], &cols[C_ENTITY], &cols[C_UNIT],
                                     &cols[C_DATE], &cols[C_VALUE], &cols[C_SOURCE], &cols[C_REPORTED],
                                     &strip_last, &dot_is_decimal, &checking_only, &file_index,
                                     &first_line, &on_rows))
        return -1;
    if (self->role_of != NULL) {
        PyErr_SetString(PyExc_TypeError, "FastRows is initialised once");
        return -1;
    }
    if (PyUnicode_GET_LENGTH(delimiter) != 1) {
        PyErr_SetString(PyExc_ValueError, "the delimiter is one character");
        return -1;
    }
    if (width < 1 || cols[C_TARGET] < 0 || cols[C_DATE] < 0 || cols[C_VALUE] < 0) {
        PyErr_SetString(PyExc_ValueError, "the target, date and value columns are needed");
        return -1;
    }
    self->role_of = PyMem_Malloc((size_t)width);
    if (self->role_of == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(self->role_of, -1, (size_t)width);
    for (int role = 0; role < C_ROLES; role++) {
        Py_ssize_t c = cols[role];
        if (c >= width || (c >= 0 && self->role_of[c] != -1)) {
            PyErr_SetString(PyExc_ValueError, "the columns must be distinct and within the width");
            return -1;
        }
        if (c >= 0)
            self->role_of[c] = (signed char)role;
        self->columns[role] = c;
    }
    if (table_init(&self->target_cells) < 0 || table_init(&self->entity_cells) < 0 ||
        table_init(&self->date_cells) < 0 || table_init(&self->source_cells) < 0)
        return -1;
    self->readline = Py_NewRef(readline);
    self->limit = Py_NewRef(limit);
    self->empty = PyUnicode_New(0, 0);
    if (self->empty == NULL)
        return -1;

    self->take = Py_NewRef(take);
    self->series_of = Py_NewRef(series_of);
    self->dates = Py_NewRef(dates);
    self->milestones = Py_NewRef(milestones);
    self->on_rows = on_rows == Py_None ? NULL : Py_NewRef(on_rows);
    self->file_index = Py_NewRef(file_index);
    self->checking_only = Py_NewRef(checking_only);
    self->width = width;
    self->delimiter = PyUnicode_READ_CHAR(delimiter, 0);
    self->strip_last = strip_last;
    self->dot_is_decimal = dot_is_decimal;
    self->line = first_line;
    self->last_target = -1;
    self->last_day = -1;
    return 0;
}

static void
FastRows_dealloc(FastRows *self)
{
    Py_XDECREF(self->readline);
    Py_XDECREF(self->limit);
    Py_XDECREF(self->empty);
    for (Py_ssize_t i = 0; i < self->n_sources; i++)
        Py_XDECREF(self->sources[i]);
    PyMem_Free(self->sources);
    table_free(&self->source_cells);
    Py_XDECREF(self->take);
    Py_XDECREF(self->series_of);
    Py_XDECREF(self->dates);
    Py_XDECREF(self->milestones);
    Py_XDECREF(self->on_rows);
    Py_XDECREF(self->file_index);
    Py_XDECREF(self->checking_only);
    PyMem_Free(self->role_of);
    for (Py_ssize_t i = 0; i < self->n_targets; i++) {
        Target *t = &self->targets[i];
        Py_XDECREF(t->units_ok);
        PyMem_Free(t->unit);
        for (Py_ssize_t j = 0; j < t->n_slots; j++)
            Py_XDECREF(t->slots[j]);
        PyMem_Free(t->slots);
    }
    PyMem_Free(self->targets);
    for (Py_ssize_t i = 0; i < self->n_days; i++) {
        Day *d = &self->days[i];
        Py_XDECREF(d->code);
        Py_XDECREF(d->bit);
        Py_XDECREF(d->t);
    }
    PyMem_Free(self->days);
    table_free(&self->target_cells);
    table_free(&self->entity_cells);
    table_free(&self->date_cells);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Grow an array of ``size``-byte items to hold ``n + 1``. */
static int
make_room(void **items, Py_ssize_t n, size_t size)
{
    if (n & (n - 1) && n > 0)
        return 0; /* not a power of two: room is left */
    void *grown = PyMem_Realloc(*items, size * (size_t)(n ? 2 * n : 1));
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *items = grown;
    return 0;
}

static double
float_attr(PyObject *o, const char *name, int *failed)
{
    PyObject *v = PyObject_GetAttrString(o, name);
    if (v == NULL) {
        *failed = 1;
        return 0.0;
    }
    double d = PyFloat_AsDouble(v);
    Py_DECREF(v);
    if (d == -1.0 && PyErr_Occurred())
        *failed = 1;
    return d;
}

/* The target of a target cell, made from its kind if new: -1 on error. */
static Py_ssize_t
target_of(FastRows *self, const Py_UCS4 *p, Py_ssize_t n, PyObject *kind)
{
    uint64_t h = hash_of(p, n);
    Py_ssize_t found = table_get(&self->target_cells, p, n, h);
    if (found >= 0)
        return found;
    int failed = 0;
    PyObject *units_ok = PyObject_GetAttrString(kind, "units_ok");
    if (units_ok == NULL)
        return -1;
    if (!PyAnySet_Check(units_ok)) {
        Py_DECREF(units_ok);
        PyErr_SetString(PyExc_TypeError, "units_ok must be a set");
        return -1;
    }
    PyObject *numeric_obj = PyObject_GetAttrString(kind, "numeric");
    int numeric = numeric_obj == NULL ? -1 : PyObject_IsTrue(numeric_obj);
    Py_XDECREF(numeric_obj);
    double low = float_attr(kind, "low", &failed);
    double high = float_attr(kind, "high", &failed);
    if (numeric < 0 || failed || make_room((void **)&self->targets, self->n_targets, sizeof(Target)) < 0) {
        Py_DECREF(units_ok);
        return -1;
    }
    const Py_UCS4 *key = table_add(&self->target_cells, p, n, h, self->n_targets);
    if (key == NULL) {
        Py_DECREF(units_ok);
        return -1;
    }
    self->targets[self->n_targets] = (Target){key, n, units_ok, NULL, 0, numeric, low, high, NULL, 0};
    return self->n_targets++;
}

/* Remember the series of a target and an entity cell as written (found valid by the
   loop, which has them in its memo): 0, and its target in *target; -1 on error. */
static int
remember_series(FastRows *self, const Py_UCS4 *t_key, Py_ssize_t t_len, const Py_UCS4 *e_key,
                Py_ssize_t e_len, PyObject *series, PyObject *kind, Py_ssize_t *target)
{
    *target = target_of(self, t_key, t_len, kind);
    if (*target < 0)
        return -1;
    uint64_t h = hash_of(e_key, e_len);
    Py_ssize_t number = table_get(&self->entity_cells, e_key, e_len, h);
    if (number < 0) {
        number = self->n_entities;
        if (table_add(&self->entity_cells, e_key, e_len, h, number) == NULL)
            return -1;
        self->n_entities++;
    }
    Target *t = &self->targets[*target];
    if (number >= t->n_slots) {
        Py_ssize_t size = t->n_slots ? t->n_slots : 8;
        while (size <= number)
            size *= 2;
        PyObject **grown = PyMem_Realloc(t->slots, (size_t)size * sizeof(PyObject *));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(grown + t->n_slots, 0, (size_t)(size - t->n_slots) * sizeof(PyObject *));
        t->slots = grown;
        t->n_slots = size;
    }
    Py_XSETREF(t->slots[number], Py_NewRef(series));
    return 0;
}

/* Remember a date cell of the loop's table of dates: its day, or -1 on error. */
static Py_ssize_t
remember_date(FastRows *self, const Py_UCS4 *p, Py_ssize_t n, PyObject *day)
{
    uint64_t h = hash_of(p, n);
    Py_ssize_t found = table_get(&self->date_cells, p, n, h);
    if (found >= 0)
        return found;
    if (!PyTuple_Check(day) || PyTuple_GET_SIZE(day) != 3) {
        PyErr_SetString(PyExc_TypeError, "a date is (code, bit, t)");
        return -1;
    }
    if (make_room((void **)&self->days, self->n_days, sizeof(Day)) < 0)
        return -1;
    const Py_UCS4 *key = table_add(&self->date_cells, p, n, h, self->n_days);
    if (key == NULL)
        return -1;
    self->days[self->n_days] = (Day){key, n, Py_NewRef(PyTuple_GET_ITEM(day, 0)),
                                     Py_NewRef(PyTuple_GET_ITEM(day, 1)), Py_NewRef(PyTuple_GET_ITEM(day, 2))};
    return self->n_days++;
}

/* The series of a row whose target and entity cells this reader does not know together,
   as the loop finds or makes it without a slow path (RowScanner.series_of), remembered
   here: 1 with *target and *series (held in the target's slots), 0 for the loop to read
   the row, -1 on error. */
static int
ask_for_series(FastRows *self, const Py_UCS4 *t, Py_ssize_t t_len, const Py_UCS4 *e, Py_ssize_t e_len,
               const Py_UCS4 *u, Py_ssize_t u_len, Py_ssize_t *target, PyObject **series)
{
    PyObject *t_cell = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, t, t_len);
    PyObject *e_cell = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, e, e_len);
    PyObject *unit = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, u, u_len);
    PyObject *found = NULL;
    if (t_cell != NULL && e_cell != NULL && unit != NULL)
        found = PyObject_CallFunctionObjArgs(self->series_of, t_cell, e_cell, unit, NULL);
    Py_XDECREF(t_cell);
    Py_XDECREF(e_cell);
    Py_XDECREF(unit);
    if (found == NULL)
        return -1;
    int result = 0;
    if (found != Py_None) {
        if (!PyTuple_Check(found) || PyTuple_GET_SIZE(found) != 2) {
            PyErr_SetString(PyExc_TypeError, "series_of gives (series, kind) or None");
            result = -1;
        }
        else {
            *series = PyTuple_GET_ITEM(found, 0);
            result = remember_series(self, t, t_len, e, e_len, *series, PyTuple_GET_ITEM(found, 1), target) < 0
                         ? -1
                         : 1;
        }
    }
    Py_DECREF(found);
    return result;
}

/* ------------------------------------------------------------- one line ---- */

/* The next line (a new reference), or NULL at the end (no error set) or on an error. */
static PyObject *
next_line(FastRows *self)
{
    PyObject *text = PyObject_CallOneArg(self->readline, self->limit);
    if (text == NULL)
        return NULL;
    if (PyUnicode_Check(text) && PyUnicode_GET_LENGTH(text) == 0) {
        Py_DECREF(text);
        return NULL;
    }
    return text;
}

typedef struct {
    Py_ssize_t start, end;
    int doubled; /* a quoted cell with a doubled quote in it */
} Cell;

/* The cells the reader looks at, as the row loop splits the line (str.split on a line
   without a quote, rowscan.split_quoted on one with): 1 when the line has the header's
   number of cells and every cell is plain enough, else 0. */
static int
split_line(const FastRows *self, const Py_UCS4 *b, Py_ssize_t n, int quoted, Cell *cells)
{
    const Py_UCS4 delim = self->delimiter;
    const signed char *role_of = self->role_of;
    Py_ssize_t column = 0;
    if (!quoted) {
        Py_ssize_t start = 0;
        for (;;) {
            const Py_UCS4 *found = find_char(b + start, n - start, delim);
            Py_ssize_t i = found == NULL ? n : found - b;
            if (column >= self->width)
                return 0;
            int role = role_of[column];
            if (role >= 0) {
                Py_ssize_t end = i;
                if (i == n && self->strip_last) /* str.rstrip("\r\n") on the last cell */
                    while (end > start && (b[end - 1] == '\n' || b[end - 1] == '\r'))
                        end--;
                cells[role] = (Cell){start, end, 0};
            }
            column++;
            if (i == n)
                break;
            start = i + 1;
        }
        return column == self->width;
    }
    Py_ssize_t end = n; /* the line end is not part of the last cell */
    if (end > 0 && b[end - 1] == '\n')
        end -= (end > 1 && b[end - 2] == '\r') ? 2 : 1;
    else if (end > 0 && b[end - 1] == '\r')
        end -= 1;
    Py_ssize_t pos = 0;
    for (;;) {
        if (column >= self->width)
            return 0;
        int role = role_of[column];
        if (pos < end && b[pos] == '"') {
            Py_ssize_t start = pos + 1, close = -1;
            int doubled = 0;
            for (Py_ssize_t i = start; i < end; i++) {
                if (b[i] != '"')
                    continue;
                if (i < end - 1 && b[i + 1] == '"') {
                    doubled = 1;
                    i++;
                    continue;
                }
                close = i;
                break;
            }
            if (close < 0)
                return 0; /* left open: it goes on on the next line */
            if (role >= 0)
                cells[role] = (Cell){start, close, doubled};
            column++;
            Py_ssize_t after = close + 1;
            if (after == end)
                break;
            if (b[after] != delim)
                return 0;
            pos = after + 1;
        }
        else {
            const Py_UCS4 *found = find_char(b + pos, end - pos, delim);
            Py_ssize_t stop = found == NULL ? end : found - b;
            if (find_char(b + pos, stop - pos, '"') != NULL)
                return 0;
            if (role >= 0)
                cells[role] = (Cell){pos, stop, 0};
            column++;
            if (stop == end)
                break;
            pos = stop + 1;
        }
    }
    return column == self->width;
}

/* The value of a cell the row loop's fast test accepts as it stands: 1 and *x, else 0. */
static int
plain_number(const FastRows *self, const Py_UCS4 *b, Cell c, double *x)
{
    Py_ssize_t n = c.end - c.start;
    if (n < 1 || n >= VALUE_LIMIT)
        return 0;
    const Py_UCS4 *p = b + c.start;
    char text[VALUE_LIMIT];
    Py_ssize_t i = 0, dot = -1, digits = 0;
    if (p[0] == '-' || p[0] == '+') {
        text[0] = (char)p[0];
        i = 1;
    }
    for (; i < n; i++) {
        Py_UCS4 ch = p[i];
        if (ch >= '0' && ch <= '9')
            digits++;
        else if (ch == '.' && dot < 0)
            dot = i;
        else
            return 0;
        text[i] = (char)ch;
    }
    text[n] = '\0';
    /* as the loop: ends in a digit; not three digits after a dot ("12.500" is 12500 in
       Vietnamese); no dot at all under --decimal comma */
    if (digits == 0 || p[n - 1] < '0' || p[n - 1] > '9')
        return 0;
    if (n >= 4 && p[n - 4] == '.')
        return 0;
    if (dot >= 0 && !self->dot_is_decimal)
        return 0;
    char *end = NULL;
    double value = PyOS_string_to_double(text, &end, NULL);
    if (value == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    if (end != text + n)
        return 0;
    *x = value;
    return 1;
}

static int
same(const Py_UCS4 *key, Py_ssize_t len, const Py_UCS4 *p, Py_ssize_t n)
{
    return len == n && memcmp(key, p, (size_t)n * sizeof(Py_UCS4)) == 0;
}

/* A unit cell: 1 when the target accepts it as written. -1 on error. */
static int
unit_ok(Target *t, const Py_UCS4 *p, Py_ssize_t n)
{
    if (t->unit != NULL && same(t->unit, t->unit_len, p, n))
        return 1;
    PyObject *unit = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, p, n);
    if (unit == NULL)
        return -1;
    int found = PySet_Contains(t->units_ok, unit);
    Py_DECREF(unit);
    if (found == 1) {
        Py_UCS4 *copy = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
        if (copy == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(copy, p, (size_t)n * sizeof(Py_UCS4));
        PyMem_Free(t->unit);
        t->unit = copy;
        t->unit_len = n;
    }
    return found;
}

/* One string for every row with the same source cell (the rows of a report share it). */
static PyObject *
source_of(FastRows *self, const Py_UCS4 *p, Py_ssize_t n)
{
    uint64_t h = hash_of(p, n);
    Py_ssize_t found = table_get(&self->source_cells, p, n, h);
    if (found >= 0)
        return self->sources[found];
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, p, n);
    if (text == NULL)
        return NULL;
    if (make_room((void **)&self->sources, self->n_sources, sizeof(PyObject *)) < 0 ||
        table_add(&self->source_cells, p, n, h, self->n_sources) == NULL) {
        Py_DECREF(text);
        return NULL;
    }
    self->sources[self->n_sources++] = text;
    return text;
}

/* Read one line: 1 when it was a plain row, now recorded; 0 when the loop is to read it;
   -1 on error. */
static int
read_line(FastRows *self, const Py_UCS4 *b, Py_ssize_t n)
{
    if (find_char(b, n, 0) != NULL)
        return 0; /* binary: the loop says so */
    int quoted = find_char(b, n, '"') != NULL;
    Cell cells[C_ROLES];
    if (!split_line(self, b, n, quoted, cells))
        return 0;
    const Py_ssize_t *columns = self->columns;
    /* the series: the target cell (most files list a target's rows together), then the
       entity cell's number; a pair not met yet is the loop's to find or make */
    Cell tc = cells[C_TARGET];
    if (tc.doubled)
        return 0;
    const Py_UCS4 *t_cell = b + tc.start;
    Py_ssize_t t_len = tc.end - tc.start;
    static const Py_UCS4 nothing[1] = {0};
    const Py_UCS4 *e = nothing, *u = nothing;
    Py_ssize_t e_len = 0, u_len = 0;
    if (columns[C_ENTITY] >= 0) {
        Cell ec = cells[C_ENTITY];
        if (ec.doubled)
            return 0;
        e = b + ec.start;
        e_len = ec.end - ec.start;
    }
    if (columns[C_UNIT] >= 0) {
        Cell uc = cells[C_UNIT];
        if (uc.doubled)
            return 0;
        u = b + uc.start;
        u_len = uc.end - uc.start;
    }
    Py_ssize_t target = self->last_target;
    if (target < 0 || !same(self->targets[target].key, self->targets[target].len, t_cell, t_len))
        target = table_get(&self->target_cells, t_cell, t_len, hash_of(t_cell, t_len));
    PyObject *series = NULL;
    if (target >= 0) {
        Target *known = &self->targets[target];
        Py_ssize_t number = table_get(&self->entity_cells, e, e_len, hash_of(e, e_len));
        if (number >= 0 && number < known->n_slots)
            series = known->slots[number];
    }
    if (series == NULL) {
        int asked = ask_for_series(self, t_cell, t_len, e, e_len, u, u_len, &target, &series);
        if (asked <= 0)
            return asked;
    }
    self->last_target = target;
    Target *t = &self->targets[target];
    if (u_len > 0) {
        int ok = unit_ok(t, u, u_len);
        if (ok <= 0)
            return ok;
    }
    if (columns[C_REPORTED] >= 0 && cells[C_REPORTED].end > cells[C_REPORTED].start)
        return 0; /* when it was sent: the loop's checks */
    Cell dc = cells[C_DATE];
    if (dc.doubled)
        return 0;
    Py_ssize_t day = self->last_day;
    if (day < 0 || !same(self->days[day].key, self->days[day].len, b + dc.start, dc.end - dc.start)) {
        day = table_get(&self->date_cells, b + dc.start, dc.end - dc.start,
                        hash_of(b + dc.start, dc.end - dc.start));
        if (day < 0) {
            /* a date cell the loop's table may have: look it up there */
            PyObject *d_cell = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b + dc.start, dc.end - dc.start);
            if (d_cell == NULL)
                return -1;
            PyObject *found = PyDict_GetItemWithError(self->dates, d_cell);
            Py_DECREF(d_cell);
            if (found == NULL)
                return PyErr_Occurred() ? -1 : 0;
            day = remember_date(self, b + dc.start, dc.end - dc.start, found);
            if (day < 0)
                return -1;
        }
        self->last_day = day;
    }
    double x;
    if (t->numeric) {
        if (!plain_number(self, b, cells[C_VALUE], &x) || !(t->low <= x && x <= t->high))
            return 0;
    }
    else {
        /* a milestone: a word of the loop's table of exact spellings ("done", ...) */
        Cell vc = cells[C_VALUE];
        if (vc.doubled)
            return 0;
        PyObject *word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b + vc.start, vc.end - vc.start);
        if (word == NULL)
            return -1;
        PyObject *found = PyDict_GetItemWithError(self->milestones, word);
        Py_DECREF(word);
        if (found == NULL)
            return PyErr_Occurred() ? -1 : 0;
        x = PyFloat_AsDouble(found);
        if (x == -1.0 && PyErr_Occurred())
            return -1;
    }
    PyObject *source = self->empty;
    if (columns[C_SOURCE] >= 0) {
        Cell sc = cells[C_SOURCE];
        if (sc.doubled)
            return 0;
        if (sc.end > sc.start) {
            source = source_of(self, b + sc.start, sc.end - sc.start);
            if (source == NULL)
                return -1;
        }
    }
    Day *d = &self->days[day];
    PyObject *value = PyFloat_FromDouble(x);
    PyObject *line = PyLong_FromSsize_t(self->line - 1);
    PyObject *result = NULL;
    if (value != NULL && line != NULL) {
        PyObject *call[] = {series, d->code, d->bit, d->t, value, self->file_index, line, source,
                            self->checking_only};
        result = PyObject_Vectorcall(self->take, call, 9, NULL);
    }
    Py_XDECREF(value);
    Py_XDECREF(line);
    if (result == NULL)
        return -1;
    int taken = result == Py_True;
    Py_DECREF(result);
    return taken;
}

static PyObject *
FastRows_next(FastRows *self)
{
    for (;;) {
        PyObject *text = next_line(self);
        if (text == NULL)
            return NULL; /* the end (or an error, set: as reading the lines raised it) */
        self->line++;
        if (!PyUnicode_Check(text))
            return text;
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        if (n > FAST_LINE_LIMIT)
            return text; /* the csv module reads it, with its field size limit */
        if (PyUnicode_AsUCS4(text, self->buffer, FAST_LINE_LIMIT + 1, 0) == NULL) {
            Py_DECREF(text);
            return NULL;
        }
        int read = read_line(self, self->buffer, n);
        if (read == 0)
            return text; /* for the loop */
        Py_DECREF(text);
        if (read < 0)
            return NULL;
        self->rows++;
        self->fast++;
        if (self->on_rows != NULL && !(self->rows & PROGRESS_EVERY)) {
            PyObject *rows = PyLong_FromSsize_t(self->rows);
            PyObject *r = rows == NULL ? NULL : PyObject_CallOneArg(self->on_rows, rows);
            Py_XDECREF(rows);
            if (r == NULL)
                return NULL;
            Py_DECREF(r);
        }
    }
}

/* ---------------------------------------------------------- passthrough ---- */

typedef struct {
    PyObject_HEAD
    FastRows *rows;
} Passthrough;

static PyObject *
Passthrough_next(Passthrough *self)
{
    PyObject *text = next_line(self->rows);
    if (text != NULL)
        self->rows->line++;
    return text;
}

static void
Passthrough_dealloc(Passthrough *self)
{
    Py_XDECREF(self->rows);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
FastRows_passthrough(FastRows *self, PyObject *Py_UNUSED(ignored))
{
    Passthrough *p = PyObject_New(Passthrough, &PassthroughType);
    if (p == NULL)
        return NULL;
    p->rows = (FastRows *)Py_NewRef(self);
    return (PyObject *)p;
}

static PyTypeObject PassthroughType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "dxcheck._fastrows.Passthrough",
    .tp_basicsize = sizeof(Passthrough),
    .tp_dealloc = (destructor)Passthrough_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The file's lines, counted in the FastRows they come from.",
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)Passthrough_next,
};

static PyMethodDef FastRows_methods[] = {
    {"passthrough", (PyCFunction)FastRows_passthrough, METH_NOARGS,
     "The file's lines, unread, each counted in ``line``."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef FastRows_members[] = {
    {"line", T_PYSSIZET, offsetof(FastRows, line), 0, "the line the next line read is"},
    {"rows", T_PYSSIZET, offsetof(FastRows, rows), 0, "rows so far, read here or by the loop"},
    {"fast", T_PYSSIZET, offsetof(FastRows, fast), READONLY, "rows read here"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject FastRowsType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "dxcheck._fastrows.FastRows",
    .tp_basicsize = sizeof(FastRows),
    .tp_dealloc = (destructor)FastRows_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The plain rows of a file's lines, read and recorded; the others, to iterate.",
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)FastRows_next,
    .tp_methods = FastRows_methods,
    .tp_members = FastRows_members,
    .tp_init = (initproc)FastRows_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "dxcheck._fastrows",
    "The row loop's fast path in C (see the comment at the top of _fastrows.c).", -1, NULL, NULL, NULL,
    NULL, NULL,
};

PyMODINIT_FUNC
PyInit__fastrows(void)
{
    if (PyType_Ready(&FastRowsType) < 0 || PyType_Ready(&PassthroughType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "FastRows", (PyObject *)&FastRowsType) < 0 ||
        PyModule_AddStringConstant(m, "COMPILED_FROM", DXCHECK_SOURCE) < 0 ||
        PyModule_AddIntConstant(m, "FAST_LINE_LIMIT", FAST_LINE_LIMIT) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
