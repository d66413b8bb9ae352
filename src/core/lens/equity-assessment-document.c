/* equity-assessment-document.c — an assessment laid out with Pango on a
 * cairo PDF surface, its cited analyses drawn by EquityChart. Laid out twice:
 * once to count the pages ("Page 2 of 3"), once to draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "equity-analysis.h"
#include "equity-assessment.h"
#include "equity-assessment-document.h"
#include "equity-chart.h"
#include "equity-error.h"
#include "equity-result.h"
#include "equity-worker.h"

/* US letter in points, one-inch margins but for the footer */
#define PAGE_WIDTH    612.0
#define PAGE_HEIGHT   792.0
#define MARGIN         72.0
#define FOOTER_Y      (PAGE_HEIGHT - 42.0)
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CHART_HEIGHT  250.0
#define SIGNATURE_HEIGHT 170.0

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  const char  *title;
  double       y;
  guint        page;       /* 1-based */
  guint        n_pages;    /* known in the drawing pass */
  gboolean     draw;
} Document;

/* what a cited analysis shows, computed once for both passes */
typedef struct
{
  char        *headline;
  EquityChart *chart;
} Citation;

static void
citation_free (Citation *citation)
{
  g_free (citation->headline);
  g_clear_object (&citation->chart);
  g_free (citation);
}

static void
draw_footer (Document *doc)
{
  /* Translators: the footer of a printed assessment: its title, page, pages */
  g_autofree char *text = g_strdup_printf (_("%s · Page %u of %u"), doc->title, doc->page, doc->n_pages);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  int width, height;

  pango_layout_set_font_description (doc->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (doc->layout, CONTENT_WIDTH * PANGO_SCALE);
  pango_layout_set_text (doc->layout, text, -1);
  pango_layout_set_alignment (doc->layout, PANGO_ALIGN_CENTER);
  pango_layout_get_size (doc->layout, &width, &height);
  cairo_set_source_rgb (doc->cr, 0.35, 0.35, 0.35);
  cairo_move_to (doc->cr, MARGIN, FOOTER_Y);
  pango_cairo_show_layout (doc->cr, doc->layout);
  pango_layout_set_alignment (doc->layout, PANGO_ALIGN_LEFT);
}

static void
end_page (Document *doc)
{
  if (doc->draw)
    {
      draw_footer (doc);
      cairo_show_page (doc->cr);
    }
}

static void
new_page (Document *doc)
{
  end_page (doc);
  doc->page++;
  doc->y = MARGIN;
}

/* Makes room for HEIGHT points, on a new page when this one is full (a
 * block taller than a page starts at the top and is cut by the page end). */
static void
need (Document *doc,
      double    height)
{
  if (doc->y + height > FOOTER_Y - 12 && doc->y > MARGIN)
    new_page (doc);
}

/* TEXT as given (never markup) in FONT, GREY or black, then SPACE points */
static void
add_text (Document   *doc,
          const char *text,
          const char *font_name,
          gboolean    grey,
          double      indent,
          double      space)
{
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  int width, height;

  pango_layout_set_font_description (doc->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (doc->layout, (CONTENT_WIDTH - indent) * PANGO_SCALE);
  pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (doc->layout, text, -1);
  pango_layout_get_size (doc->layout, &width, &height);
  need (doc, (double) height / PANGO_SCALE);
  if (doc->draw)
    {
      if (grey)
        cairo_set_source_rgb (doc->cr, 0.4, 0.4, 0.4);
      else
        cairo_set_source_rgb (doc->cr, 0, 0, 0);
      cairo_move_to (doc->cr, MARGIN + indent, doc->y);
      pango_cairo_show_layout (doc->cr, doc->layout);
    }
  doc->y += (double) height / PANGO_SCALE + space;
}

static void
add_chart (Document    *doc,
           EquityChart *chart)
{
  need (doc, CHART_HEIGHT);
  if (doc->draw)
    {
      cairo_save (doc->cr);
      cairo_translate (doc->cr, MARGIN + 12, doc->y);
      equity_chart_draw (chart, doc->cr, CONTENT_WIDTH - 12, CHART_HEIGHT, NULL, -1);
      cairo_restore (doc->cr);
    }
  doc->y += CHART_HEIGHT + 8;
}

static void
add_signature (Document *doc)
{
  static const char *captions[] = { N_("Signature of the department head"), N_("Date"), N_("Name, printed") };

  need (doc, SIGNATURE_HEIGHT);
  doc->y += 12;
  add_text (doc, _("Reviewed and approved"), "Sans Bold 12", FALSE, 0, 30);
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      if (doc->draw)
        {
          cairo_set_source_rgb (doc->cr, 0, 0, 0);
          cairo_set_line_width (doc->cr, 0.75);
          cairo_move_to (doc->cr, MARGIN, doc->y);
          cairo_line_to (doc->cr, MARGIN + (i == 1 ? 160 : 320), doc->y);
          cairo_stroke (doc->cr);
        }
      doc->y += 3;
      add_text (doc, _(captions[i]), "Sans 8", TRUE, 0, 24);
    }
}

static void
lay_out (Document         *doc,
         EquityProject    *project,
         EquityAssessment *assessment,
         GHashTable       *citations)
{
  EquityLensTemplate *template = assessment->template;
  g_autofree char *info = NULL;
  g_autofree char *complete = NULL;
  guint answered, total;

  doc->page = 1;
  doc->y = MARGIN;
  add_text (doc, assessment->title, "Sans Bold 18", FALSE, 0, 6);
  /* Translators: department · program, policy or budget request · date */
  info = g_strdup_printf (_("%s · %s · %s"), assessment->department, equity_assessment_subject_label (assessment->subject),
                          assessment->date);
  add_text (doc, info, "Sans 10", FALSE, 0, 2);
  equity_assessment_complete (assessment, 0, &answered, &total);
  /* Translators: status, template and version, answered and questions */
  complete = g_strdup_printf (_("Status: %s · %s, version %d · %u of %u questions answered"),
                              equity_assessment_status_label (assessment->status), template->name, template->version,
                              answered, total);
  add_text (doc, complete, "Sans 10", TRUE, 0, 14);

  for (guint i = 0; i < template->steps->len; i++)
    {
      EquityLensStep *step = g_ptr_array_index (template->steps, i);
      g_autofree char *heading = NULL;

      equity_assessment_complete (assessment, step->number, &answered, &total);
      /* Translators: a step's number and title, answered and questions */
      heading = g_strdup_printf (_("Step %u. %s (%u of %u answered)"), step->number, step->title, answered, total);
      need (doc, 60);   /* a heading is never left alone at a page's foot */
      doc->y += 6;
      add_text (doc, heading, "Sans Bold 13", FALSE, 0, 6);
      for (guint j = 0; j < step->questions->len; j++)
        {
          const EquityLensQuestion *question = g_ptr_array_index (step->questions, j);
          EquityAnswer *answer = g_hash_table_lookup (assessment->answers, question->id);
          g_autofree char *text = equity_assessment_dup_answer_text (project, question, answer);
          Citation *citation = g_hash_table_lookup (citations, question->id);

          need (doc, 40);
          add_text (doc, question->text, "Sans Bold 10", FALSE, 0, 3);
          add_text (doc, text != NULL ? text : _("Not answered"), text != NULL ? "Serif 11" : "Serif Italic 11",
                    text == NULL, 12, 4);
          if (citation != NULL && citation->headline != NULL)
            add_text (doc, citation->headline, "Serif Italic 11", FALSE, 12, 4);
          if (citation != NULL && citation->chart != NULL)
            add_chart (doc, citation->chart);
          doc->y += 6;
        }
    }
  add_signature (doc);
  doc->n_pages = doc->page;
  end_page (doc);
}

/* each cited analysis run now from the data; one that fails says why */
static GHashTable *
run_citations (EquityProject    *project,
               EquityAssessment *assessment,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GHashTable) citations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) citation_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, assessment->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EquityAnswer *answer = value;
      g_autofree char *name = NULL;
      g_autoptr(EquityAnalysis) analysis = NULL;
      g_autoptr(EquityResult) result = NULL;
      g_autoptr(GError) run_error = NULL;
      Citation *citation;

      if (g_strcmp0 (answer->cited_kind, "analysis") != 0 ||
          (name = equity_assessment_dup_cited_name (project, answer)) == NULL)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      citation = g_new0 (Citation, 1);
      analysis = equity_analysis_new_from_project (project, name, &run_error);
      if (analysis != NULL)
        result = equity_analysis_run (analysis, project, NULL, NULL, cancellable, &run_error);
      if (result != NULL)
        {
          citation->headline = equity_result_dup_headline (result);
          citation->chart = equity_chart_new (result);
        }
      else
        /* Translators: instead of a cited analysis' headline, %s says why */
        citation->headline = g_strdup_printf (_("Could not be computed: %s"), run_error->message);
      g_hash_table_insert (citations, g_strdup (key), citation);
    }
  return g_steal_pointer (&citations);
}

gboolean
equity_assessment_write_pdf (EquityProject       *project,
                             gint64               id,
                             const char          *path,
                             EquityProgressFunc   progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(EquityAssessment) assessment = NULL;
  g_autoptr(GHashTable) citations = NULL;
  g_autofree char *part = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Document doc = { 0 };

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  assessment = equity_assessment_load (project, id, error);
  if (assessment == NULL)
    return FALSE;
  if (progress != NULL)
    progress (0.1, progress_data);
  citations = run_citations (project, assessment, cancellable, error);
  if (citations == NULL)
    return FALSE;
  if (progress != NULL)
    progress (0.7, progress_data);

  /* written beside PATH and moved over it once whole */
  part = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (part, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, assessment->title);
  doc.cr = cairo_create (surface);
  doc.layout = pango_cairo_create_layout (doc.cr);
  doc.title = assessment->title;
  lay_out (&doc, project, assessment, citations);   /* counts the pages */
  doc.draw = TRUE;
  lay_out (&doc, project, assessment, citations);
  g_object_unref (doc.layout);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (part, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (part);
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved_errno));
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *path;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_free (write->path);
  g_free (write);
}

/* the result is the work data itself: non-NULL says written */
static gpointer
write_work (EquityProject       *project,
            gpointer             work_data,
            EquityProgressFunc   progress,
            gpointer             progress_data,
            GCancellable        *cancellable,
            GError             **error)
{
  WriteData *write = work_data;

  if (!equity_assessment_write_pdf (project, write->id, write->path, progress, progress_data, cancellable, error))
    return NULL;
  return write;
}

void
equity_assessment_write_pdf_async (const char          *project_path,
                                   gint64               id,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   EquityProgressFunc   progress,
                                   gpointer             progress_data,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const EquityWorkerKind kind = { "[equity] assessment pdf", write_work, write_data_free, NULL, FALSE };
  WriteData *write;

  g_return_if_fail (project_path != NULL && path != NULL);

  write = g_new0 (WriteData, 1);
  write->id = id;
  write->path = g_strdup (path);
  equity_worker_run (&kind, NULL, equity_assessment_write_pdf_async, project_path, write, cancellable,
                     progress, progress_data, callback, user_data);
}

gboolean
equity_assessment_write_pdf_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return equity_worker_finish (result, NULL, equity_assessment_write_pdf_async, error) != NULL;
}
