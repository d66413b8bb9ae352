/* equity-chart-private.h — what the chart's renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "equity-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} EquityChartRect;

/* A place in the last drawn layout that answers to a row of the result */
typedef struct
{
  guint           row;
  EquityChartRect rect;
  gboolean        is_point;  /* trend, scatter: nearest centre wins */
} EquityChartHit;

/* An area of the map: its rings projected once (x = lon·cos φ0, y = lat).
 * Part of the model: never changed after equity_chart_set_areas(). */
typedef struct
{
  char         *key;
  int           row;          /* the result row it shows, or -1 */
  double       *coords;       /* x0, y0, x1, y1, … of all rings */
  guint        *ring_starts;  /* index of each ring's first point; n_rings + 1 entries */
  guint         n_rings;
  double        extent[4];    /* min_x, max_x, min_y, max_y in projected units */
  guint8       *owned;        /* per point: its segment to the next is drawn as
                               * this area's border (a shared one only once) */
  guint8       *holes;        /* per ring: inside an odd number of the others */
  int           klass;        /* class index, or -1: not shown */
} EquityChartArea;

#define EQUITY_CHART_MAX_CLASSES 5

/* The map's part of the model: the projected areas and their quantile classes,
 * decided once when the areas are set (equity-chart-map-geometry.c) */
typedef struct
{
  GPtrArray        *areas;         /* EquityChartArea */
  double            extent[4];
  guint             n_classes;
  double            class_breaks[EQUITY_CHART_MAX_CLASSES + 1];
  guint             class_counts[EQUITY_CHART_MAX_CLASSES];
  guint             class_decimals;
  gboolean          class_on_grid;  /* every value a multiple of the breaks' unit */
} EquityChartMapAreas;

/* The quantity drawn for each row */
typedef enum
{
  EQUITY_CHART_MEASURE_RATE,
  EQUITY_CHART_MEASURE_MEAN,
  EQUITY_CHART_MEASURE_INDEX,
  EQUITY_CHART_MEASURE_ESTIMATE,
  EQUITY_CHART_MEASURE_SHARE,
  EQUITY_CHART_MEASURE_COUNT,
} EquityChartMeasure;

typedef struct _EquityChartRenderer EquityChartRenderer;
typedef struct _EquityChartLayout EquityChartLayout;

/* The model: what a chart shows, never how (style and the highlighted row
 * come with each drawing, so a file can be drawn while the window draws). */
struct _EquityChart
{
  GObject           parent_instance;

  /* Owned References */
  EquityResult     *result;
  char             *title;
  char             *subtitle;
  char             *source_note;
  char             *x_title;
  char             *y_title;
  char             *units;         /* the result's, or said for what is drawn */
  GArray           *targets;       /* pairs of doubles: year, target */

  EquityChartMapAreas map;
  EquityChartLayout *layout;       /* the last equity_chart_draw(): hover asks it */
  double            scale_factor;  /* device pixels per pixel of the window's drawings */

  EquityChartKind   kind;
  EquityChartMeasure measure;
  gboolean          percent;       /* measure shown ×100 with "%" */
  gboolean          estimate_percent; /* estimates are proportions, shown ×100 */
  EquityChartField  scatter_x;
  EquityChartField  scatter_y;
  double            target;
  double            baseline_x;    /* trend: the baseline year, or NAN */
};

/* Where an axis put its values: MIN at pixel P0, MAX at pixel P1 (linear) */
typedef struct
{
  double min;
  double max;
  double p0;
  double p1;
} EquityChartSpan;

/* What one drawing leaves behind: where each row was drawn, the value axes,
 * and the renderer's own state (the map's paths for the last transform). */
struct _EquityChartLayout
{
  const EquityChartRenderer *renderer;
  GArray           *hits;          /* EquityChartHit */
  gpointer          state;         /* the renderer's, or NULL */
  /* the value axis (bars, dots, trend's y), for tests and tools */
  EquityChartSpan   value_span;
  /* scatter: its horizontal axis */
  EquityChartSpan   x_span;
  /* the plain picture (no highlight) as pixels, for hover redraws that only
   * add the highlight; NULL until one is needed, dropped when it goes stale */
  cairo_surface_t  *frame;
  double            frame_width;
  double            frame_height;
  double            frame_scale;
  gboolean          frame_raster;
  EquityChartStyle  frame_style;   /* font_family NULL: compared by frame_font */
  char             *frame_font;
};

/* One drawing pass: the target and the sizes derived from it */
typedef struct
{
  EquityChart            *chart;
  EquityChartLayout      *layout;  /* what this drawing leaves for hit-testing */
  int                     highlighted_row;  /* -1: none */
  cairo_t                *cr;
  PangoContext           *pango;  /* one per pass: layouts share its font options */
  const EquityChartStyle *style;
  double                  width;
  double                  height;
  double                  base;  /* body text size in pixels */
  double                  pad;   /* outer margin */
  double                  line;  /* a hairline that survives projection */
  /* the picture ends as pixels on screen or in a PNG (not a vector file) */
  gboolean                raster;
  /* device pixels per user unit of the final output (a vector file: its
   * print resolution), for detail finer than a pixel to be left out */
  double                  device_scale;
} EquityChartCanvas;

typedef enum
{
  EQUITY_CHART_TEXT_BODY,
  EQUITY_CHART_TEXT_BOLD,
  EQUITY_CHART_TEXT_TITLE,
  EQUITY_CHART_TEXT_SUBTITLE,
  EQUITY_CHART_TEXT_SMALL,
  EQUITY_CHART_TEXT_SMALL_ITALIC,
  EQUITY_CHART_TEXT_TICK,
} EquityChartTextStyle;

/* A value axis: the domain widened to nice ticks, mapped onto pixels */
typedef struct
{
  double   min;
  double   max;
  double   p0;        /* pixel of min */
  double   p1;        /* pixel of max */
  GArray  *ticks;     /* doubles */
  int      decimals;
  gboolean percent;
} EquityChartAxis;

/* equity-chart-text.c */
double       equity_chart_text_base_size   (double                   width,
                                            double                   height,
                                            double                   font_scale);
double       equity_chart_text_px          (const EquityChartCanvas *canvas,
                                            EquityChartTextStyle     text_style);
PangoLayout *equity_chart_text_layout      (const EquityChartCanvas *canvas,
                                            EquityChartTextStyle     text_style,
                                            double                   px,
                                            const char              *text);
void         equity_chart_text_limit       (PangoLayout             *layout,
                                            double                   max_width,
                                            int                      max_lines);
void         equity_chart_text_size        (PangoLayout             *layout,
                                            double                  *width,
                                            double                  *height);
/* Draws LAYOUT with its box's point (XALIGN, YALIGN) ∈ [0,1]² at (X, Y). */
void         equity_chart_text_draw        (const EquityChartCanvas *canvas,
                                            PangoLayout             *layout,
                                            const EquityChartColor  *color,
                                            double                   x,
                                            double                   y,
                                            double                   xalign,
                                            double                   yalign);
/* width of TEXT in the given style, for layout decisions */
double       equity_chart_text_width       (const EquityChartCanvas *canvas,
                                            EquityChartTextStyle     text_style,
                                            double                   px,
                                            const char              *text);

/* 12,345.6 with thousands separators and a true minus sign */
char        *equity_chart_format_number    (double                   value,
                                            int                      decimals);
/* decimals that suit a value shown alone, and an interval's ends */
int          equity_chart_value_decimals   (double                   value);
int          equity_chart_interval_decimals (double                  value);
/* Nice ticks (1, 2, 2.5, 5 × 10ⁿ) covering [MIN, MAX] with about N_WANTED steps.
 * Widens MIN and MAX to the outer ticks; returns the ticks and their decimals. */
GArray      *equity_chart_nice_ticks       (double                  *min,
                                            double                  *max,
                                            int                      n_wanted,
                                            int                     *decimals);

/* equity-chart-axis.c */
/* ticks about SPACING pixels apart across [P0, P1] */
void         equity_chart_axis_init        (EquityChartAxis         *axis,
                                            double                   min,
                                            double                   max,
                                            double                   p0,
                                            double                   p1,
                                            double                   spacing,
                                            gboolean                 percent);
void         equity_chart_axis_clear       (EquityChartAxis         *axis);
double       equity_chart_axis_map         (const EquityChartAxis   *axis,
                                            double                   value);
char        *equity_chart_axis_label       (const EquityChartAxis   *axis,
                                            double                   tick);
double       equity_chart_axis_label_width (const EquityChartCanvas *canvas,
                                            const EquityChartAxis   *axis);
/* grid lines at each tick, labelled outside the plot: for a horizontal
 * axis vertical lines from FROM (top) to TO (bottom), labels below TO; for
 * a vertical one horizontal lines from FROM (left) to TO (right), labels
 * left of FROM */
void         equity_chart_axis_draw        (const EquityChartCanvas *canvas,
                                            const EquityChartAxis   *axis,
                                            gboolean                 horizontal_axis,
                                            double                   from,
                                            double                   to);

/* equity-chart-palette.c */
void         equity_chart_set_color        (cairo_t                 *cr,
                                            const EquityChartColor  *color);
void         equity_chart_set_color_alpha  (cairo_t                 *cr,
                                            const EquityChartColor  *color,
                                            double                   alpha);
/* the sequential ramp's colour for class K of N (low values light) */
void         equity_chart_palette_class    (guint                    k,
                                            guint                    n,
                                            EquityChartColor        *color);

/* equity-chart.c: layout and data shared by the renderers */
/* Draws background, title, subtitle and notes; returns the rectangle left for the plot. */
void         equity_chart_draw_frame       (EquityChartCanvas       *canvas,
                                            const char              *subtitle,
                                            const char              *footnote,
                                            EquityChartRect         *plot);
void         equity_chart_draw_message     (EquityChartCanvas       *canvas,
                                            const EquityChartRect   *rect,
                                            const char              *message);
void         equity_chart_add_hit          (EquityChartCanvas       *canvas,
                                            guint                    row,
                                            const EquityChartRect   *rect,
                                            gboolean                 is_point);
/* the row's drawn value and its interval (NAN when absent), in display units */
gboolean     equity_chart_row_value        (EquityChart             *self,
                                            const EquityResultRow   *row,
                                            double                  *value,
                                            double                  *low,
                                            double                  *high);
double       equity_chart_field_value      (EquityChart             *self,
                                            const EquityResultRow   *row,
                                            EquityChartField         field);
const char  *equity_chart_field_title      (EquityChart             *self,
                                            EquityChartField         field);
/* the reference value (reference group, else overall) and its name */
gboolean     equity_chart_reference        (EquityChart             *self,
                                            double                  *value,
                                            const char             **name);
const char  *equity_chart_row_label        (const EquityResultRow   *row);
const char  *equity_chart_units            (EquityChart             *self);
/* "Arrests per 1,000 residents, with 95% confidence intervals" */
char        *equity_chart_default_subtitle (EquityChart             *self,
                                            gboolean                 intervals);
char        *equity_chart_format_value     (EquityChart             *self,
                                            double                   value);
gboolean     equity_chart_has_intervals    (EquityChart             *self);
/* the rows drawn, in order, for bars and dots (the highest first when too many) */
GArray      *equity_chart_rows_to_draw     (EquityChart             *self,
                                            guint                    max_rows,
                                            guint                   *n_candidates);

/* where VALUE fell on the value axis of the last equity_chart_draw(); FALSE before one */
gboolean     equity_chart_value_to_pixel   (EquityChart             *self,
                                            double                   value,
                                            double                  *pixel);
void         equity_chart_remember_axis    (EquityChartCanvas       *canvas,
                                            const EquityChartAxis   *axis);
gboolean     equity_chart_x_value_to_pixel (EquityChart             *self,
                                            double                   value,
                                            double                  *pixel);
void         equity_chart_remember_x_axis  (EquityChartCanvas       *canvas,
                                            const EquityChartAxis   *axis);

/* equity-chart-rows.c: the layout bars and dots share — one band per row,
 * category labels on the left, value labels on the right, a reference line */
typedef struct
{
  GArray          *rows;          /* guint result row indexes, top to bottom */
  guint            n_candidates;
  EquityChartRect  plot;
  double           label_right;   /* right edge of the category labels */
  double           marks_top;
  double           band;          /* height of one row */
  double           label_px;      /* category and value label size */
  EquityChartAxis  axis;          /* horizontal value axis */
  gboolean         has_reference;
  double           reference;
  const char      *reference_name;
} EquityChartRowLayout;

/* Lays out and draws the frame, the grid and the category labels; LEGEND
 * keeps a strip above the marks (plot.y to marks_top) for the caller's legend. */
void         equity_chart_rows_begin       (EquityChartCanvas       *canvas,
                                            EquityChartRowLayout    *layout,
                                            gboolean                 from_zero,
                                            gboolean                 show_reference,
                                            gboolean                 legend);
double       equity_chart_rows_center      (const EquityChartRowLayout *layout,
                                            guint                    i);
/* the value label of row I, its box's XALIGN point at X */
void         equity_chart_rows_draw_value  (EquityChartCanvas       *canvas,
                                            const EquityChartRowLayout *layout,
                                            guint                    i,
                                            double                   x,
                                            double                   xalign,
                                            const char              *text,
                                            gboolean                 muted);
/* the reference line above the marks, and the layout's end */
void         equity_chart_rows_end         (EquityChartCanvas       *canvas,
                                            EquityChartRowLayout    *layout);
/* a whisker from LOW to HIGH at Y with end caps CAP tall */
void         equity_chart_draw_whisker     (EquityChartCanvas       *canvas,
                                            double                   low,
                                            double                   high,
                                            double                   y,
                                            double                   cap,
                                            const EquityChartColor  *color);

/* One kind of chart: how it draws, answers the pointer and is said in
 * words. Each lives in its own file; equity-chart-renderers.c lists them. */
struct _EquityChartRenderer
{
  EquityChartKind  kind;
  const char      *name;      /* as files and the command line spell it */
  /* the state a drawing keeps between frames (NULL: none) */
  gpointer       (*state_new)   (void);
  GDestroyNotify   state_free;
  /* draws the whole picture, recording hits in canvas->layout */
  void           (*draw)        (EquityChartCanvas       *canvas);
  /* draws only the highlight of canvas->highlighted_row over the picture
   * draw() left in the same layout at the same size; NULL: draw() redraws
   * everything for every highlight */
  void           (*draw_highlight) (EquityChartCanvas    *canvas);
  /* the row under (X, Y) in LAYOUT; NULL: the layout's hit regions decide */
  gboolean       (*hit_test)    (EquityChart             *chart,
                                 const EquityChartLayout *layout,
                                 double                   x,
                                 double                   y,
                                 guint                   *row_index);
  /* the body of the accessible description */
  char          *(*describe)    (EquityChart             *chart);
};

extern const EquityChartRenderer equity_chart_bars_renderer;
extern const EquityChartRenderer equity_chart_dots_renderer;
extern const EquityChartRenderer equity_chart_map_renderer;
extern const EquityChartRenderer equity_chart_trend_renderer;
extern const EquityChartRenderer equity_chart_scatter_renderer;

/* equity-chart-renderers.c: the one table of chart kinds */
const EquityChartRenderer *equity_chart_renderer_for_kind (EquityChartKind kind);

/* equity-chart-layout.c */
EquityChartLayout *equity_chart_layout_new        (const EquityChartRenderer *renderer);
void               equity_chart_layout_free       (EquityChartLayout       *layout);
/* the hit regions' answer: the first box holding (X, Y), or the nearest point */
gboolean           equity_chart_layout_hit_test   (const EquityChartLayout *layout,
                                                   double                   x,
                                                   double                   y,
                                                   guint                   *row_index);
/* draws the chart into LAYOUT with STYLE (NULL: the light style) */
void               equity_chart_draw_layout       (EquityChart             *self,
                                                   EquityChartLayout       *layout,
                                                   cairo_t                 *cr,
                                                   double                   width,
                                                   double                   height,
                                                   const EquityChartStyle  *style,
                                                   int                      highlighted_row);
/* the window's drawing (equity_chart_draw()): a highlight over the kept
 * plain picture when the renderer can, else draw_layout */
void               equity_chart_layout_draw_window (EquityChart            *self,
                                                    EquityChartLayout      *layout,
                                                    cairo_t                *cr,
                                                    double                  width,
                                                    double                  height,
                                                    const EquityChartStyle *style,
                                                    int                     highlighted_row);
/* the model changed: the kept picture is stale */
void               equity_chart_layout_forget_frame (EquityChartLayout     *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityChartLayout, equity_chart_layout_free)

/* equity-chart-summary.c: a ranked chart's description ("Bar chart: …") */
char        *equity_chart_describe_ranked  (EquityChart             *self,
                                            const char              *what);
/* the highest and the lowest row a description names, by drawn value */
typedef struct
{
  const EquityResultRow *highest;
  const EquityResultRow *lowest;
  double                 high_value;
  double                 low_value;
} EquityChartExtremes;
#define EQUITY_CHART_EXTREMES_INIT { NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE }
void         equity_chart_extremes_add     (EquityChartExtremes       *extremes,
                                            const EquityResultRow     *row,
                                            double                     value);
/* appends " Highest NAME, VALUE; lowest NAME, VALUE." */
void         equity_chart_append_extremes  (EquityChart               *self,
                                            GString                   *text,
                                            const EquityChartExtremes *extremes);

/* equity-chart-map-geometry.c */
void         equity_chart_map_areas_init   (EquityChartMapAreas     *map);
void         equity_chart_map_areas_clear  (EquityChartMapAreas     *map);
gpointer     equity_chart_map_state_new    (void);
void         equity_chart_map_state_free   (gpointer                 state);
/* fits the areas into RECT, keeping their aspect; rebuilds STATE's paths,
 * simplified for DEVICE_SCALE device pixels per user unit, when the
 * transform or the resolution changed */
void         equity_chart_map_fit          (EquityChart             *self,
                                            gpointer                 state,
                                            const EquityChartRect   *rect,
                                            double                   device_scale);
gboolean     equity_chart_map_hit_test     (EquityChart             *self,
                                            const EquityChartLayout *layout,
                                            double                   x,
                                            double                   y,
                                            guint                   *row_index);
/* the last fit's transform, and area I's paths in user space */
gboolean     equity_chart_map_get_transform (gpointer                state,
                                             double                 *scale,
                                             double                 *origin_x,
                                             double                 *origin_y);
const cairo_path_t *equity_chart_map_area_path   (gpointer           state,
                                                  guint              i,
                                                  gboolean           border,
                                                  const double     **box);
/* what the drawing derives from the last fit's paths, dropped with them */
gpointer     equity_chart_map_get_fit_data (gpointer                state);
void         equity_chart_map_set_fit_data (gpointer                state,
                                            gpointer                fit_data,
                                            GDestroyNotify          fit_data_free);
/* areas smaller than this across get no outline (a city's tracts on a state map) */
#define EQUITY_CHART_MAP_MIN_BORDERED_PX 4.0
/* the hatching of the areas not shown: a line every SPACING along x + y */
double       equity_chart_map_hatch_spacing    (const EquityChartCanvas *canvas);
double       equity_chart_map_hatch_line_width (const EquityChartCanvas *canvas);
/* equity-chart-map-raster.c: the fill on screens and PNGs, from the lines
 * of the areas kept with the fit's paths (made when the box DRAWN changes) */
typedef struct _EquityChartMapLines EquityChartMapLines;
const EquityChartMapLines *equity_chart_map_lines_for (const EquityChartCanvas   *canvas,
                                                       const EquityChartRect     *drawn);
void         equity_chart_map_fill_raster  (const EquityChartCanvas   *canvas,
                                            const EquityChartMapLines *lines);
/* the borders as one-pixel lines, in the source set on the canvas */
void         equity_chart_map_mask_borders (const EquityChartCanvas   *canvas,
                                            const EquityChartMapLines *lines);
/* tests only: fill the map area by area (TRUE) instead of class by class */
void         equity_chart_map_set_fill_by_area (gboolean by_area);
/* equity-chart-map.c */
void         equity_chart_map_classify     (EquityChart             *self);
/* the legend's text for class K */
char        *equity_chart_map_class_label  (EquityChart             *self,
                                            guint                    k);

G_END_DECLS
