/* equity-lens-template-editor.c — the assessment templates window: the
 * list of templates with their versions and how many assessments use each,
 * and the editor of one (steps, questions, answer types, options or a
 * dataset column to take them from). Save writes the template's text and
 * hands it to equity_lens_template_save(), the CLI's path: a refused
 * template is named inline and nothing is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-lens-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-lens-template-editor.h"
#include "equity-utils.h"

/* one question as it is being edited */
typedef struct
{
  char             *id;
  char             *text;
  char             *help;
  char             *options;    /* as typed, separated by semicolons */
  EquityAnswerType  type;
  guint             step;
  gint64            dataset;    /* options-from, 0: none */
  guint             column;
} QuestionDraft;

struct _EquityLensTemplateEditor
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *back_button;
  GtkWidget          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *stack;
  AdwPreferencesGroup *templates_group;
  AdwPreferencesPage *edit_page;

  /* Owned references */
  EquityProject      *project;
  GSimpleActionGroup *actions;
  char               *name;         /* the template being edited, or NULL */
  int                 version;      /* its newest version when opened */
  GPtrArray          *step_titles;  /* char *, one per step */
  GPtrArray          *questions;    /* QuestionDraft */
  GPtrArray          *list_rows;    /* the list page's rows */
  GPtrArray          *groups;       /* the edit page's groups */

  QuestionDraft      *expanded;     /* shown open after a rebuild */
  gboolean            modified;
};

G_DEFINE_FINAL_TYPE (EquityLensTemplateEditor, equity_lens_template_editor, ADW_TYPE_WINDOW)

static const char *type_labels[] = { N_("Text"), N_("Choice"), N_("Yes or no"), N_("Checklist"),
                                     N_("Citation of an analysis or dataset") };

static void rebuild_editor (EquityLensTemplateEditor *self);

static void
question_draft_free (QuestionDraft *draft)
{
  g_free (draft->id);
  g_free (draft->text);
  g_free (draft->help);
  g_free (draft->options);
  g_free (draft);
}

static void
show_error (EquityLensTemplateEditor *self,
            const char               *message)
{
  equity_error_revealer_set (self->error_revealer, self->error_label, message);
}

static void
set_modified (EquityLensTemplateEditor *self,
              gboolean                  modified)
{
  self->modified = modified;
  show_error (self, NULL);
}

/* ---- the list of templates ---------------------------------------------- */

static void
template_row_activated_cb (AdwActionRow             *row,
                           EquityLensTemplateEditor *self)
{
  equity_lens_template_editor_open (self, g_object_get_data (G_OBJECT (row), "template-name"));
}

/* "3 assessments use version 1, 1 uses version 2", or "No assessment uses it yet" */
static char *
dup_usage (GPtrArray  *assessments,
           const char *name,
           int         newest)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int version = 1; version <= newest; version++)
    {
      guint n = 0;

      for (guint i = 0; assessments != NULL && i < assessments->len; i++)
        {
          EquityAssessment *assessment = g_ptr_array_index (assessments, i);

          if (g_strcmp0 (assessment->template->name, name) == 0 && assessment->template->version == version)
            n++;
        }
      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: how many assessments keep a version of their template */
      g_string_append_printf (text, g_dngettext (NULL, "%u assessment uses version %d",
                                                 "%u assessments use version %d", n), n, version);
    }
  if (text->len == 0)
    g_string_append (text, _("No assessment uses it yet"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_list (EquityLensTemplateEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) assessments = NULL;

  for (guint i = 0; i < self->list_rows->len; i++)
    adw_preferences_group_remove (self->templates_group, g_ptr_array_index (self->list_rows, i));
  g_ptr_array_set_size (self->list_rows, 0);

  templates = equity_lens_template_list_latest (self->project, &error);
  if (templates != NULL)
    assessments = equity_assessment_list (self->project, &error);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      EquityLensTemplate *template = g_ptr_array_index (templates, i);
      g_autofree char *usage = dup_usage (assessments, template->name, template->version);
      /* Translators: a template's newest version, then which versions assessments use */
      g_autofree char *subtitle = g_strdup_printf (_("Version %d · %u steps, %u questions · %s"),
                                                   template->version, template->steps->len,
                                                   template->questions->len, usage);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), template->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "template-name", g_strdup (template->name), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (template_row_activated_cb), self);
      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->list_rows, row);
    }
}

static void
show_list (EquityLensTemplateEditor *self)
{
  g_clear_pointer (&self->name, g_free);
  g_ptr_array_set_size (self->questions, 0);
  g_ptr_array_set_size (self->step_titles, 0);
  set_modified (self, FALSE);
  fill_list (self);
  adw_window_title_set_title (self->window_title, _("Assessment Templates"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "save")), FALSE);
}

gboolean
equity_lens_template_editor_open (EquityLensTemplateEditor *self,
                                  const char               *name)
{
  g_autoptr(GPtrArray) templates = NULL;
  EquityLensTemplate *template = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (EQUITY_IS_LENS_TEMPLATE_EDITOR (self), FALSE);

  templates = equity_lens_template_list_latest (self->project, NULL);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    if (g_strcmp0 (((EquityLensTemplate *) g_ptr_array_index (templates, i))->name, name) == 0)
      template = g_ptr_array_index (templates, i);
  if (template == NULL)
    return FALSE;

  g_free (self->name);
  self->name = g_strdup (template->name);
  self->version = template->version;
  g_ptr_array_set_size (self->questions, 0);
  g_ptr_array_set_size (self->step_titles, 0);
  for (guint i = 0; i < template->steps->len; i++)
    g_ptr_array_add (self->step_titles, g_strdup (((EquityLensStep *) g_ptr_array_index (template->steps, i))->title));
  for (guint i = 0; i < template->questions->len; i++)
    {
      const EquityLensQuestion *question = g_ptr_array_index (template->questions, i);
      QuestionDraft *draft = g_new0 (QuestionDraft, 1);

      draft->id = g_strdup (question->id);
      draft->text = g_strdup (question->text);
      draft->help = g_strdup (question->help);
      draft->options = question->options != NULL ? g_strjoinv ("; ", question->options) : g_strdup ("");
      draft->type = question->type;
      draft->step = question->step;
      draft->dataset = question->options_dataset;
      draft->column = question->options_column;
      g_ptr_array_add (self->questions, draft);
    }
  self->expanded = NULL;
  rebuild_editor (self);
  set_modified (self, FALSE);
  /* Translators: the template being edited, and the version a save makes */
  subtitle = g_strdup_printf (_("Version %d; saving makes version %d"), self->version, self->version + 1);
  adw_window_title_set_title (self->window_title, self->name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->save_button, TRUE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "save")),
                               !equity_project_is_read_only (self->project));
  return TRUE;
}

/* ---- the editor of one template ----------------------------------------- */

/* the draft a row edits; the editor is found through the row's root */
static QuestionDraft *
row_draft (GtkWidget                 *row,
           EquityLensTemplateEditor **editor)
{
  *editor = EQUITY_LENS_TEMPLATE_EDITOR (gtk_widget_get_root (row));
  return g_object_get_data (G_OBJECT (row), "draft");
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void
question_entry_changed_cb (GtkEditable *entry,
                           const char  *which)
{
  EquityLensTemplateEditor *self;
  QuestionDraft *draft = row_draft (GTK_WIDGET (entry), &self);
  GtkWidget *expander = g_object_get_data (G_OBJECT (entry), "expander");
  const char *text = gtk_editable_get_text (entry);

  if (g_str_equal (which, "id"))
    replace_text (&draft->id, text);
  else if (g_str_equal (which, "text"))
    replace_text (&draft->text, text);
  else
    replace_text (&draft->options, text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), draft->text);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), draft->id);
  set_modified (self, TRUE);
}

static void
step_title_changed_cb (GtkEditable *entry)
{
  EquityLensTemplateEditor *self = EQUITY_LENS_TEMPLATE_EDITOR (gtk_widget_get_root (GTK_WIDGET (entry)));
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "step"));

  g_free (g_ptr_array_index (self->step_titles, step - 1));
  g_ptr_array_index (self->step_titles, step - 1) = g_strdup (gtk_editable_get_text (entry));
  set_modified (self, TRUE);
}

/* the column drop-down follows the dataset chosen */
static void
fill_columns (AdwComboRow   *columns,
              EquityProject *project,
              gint64         dataset_id,
              guint          selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  EquityDataset *dataset = dataset_id != 0 ? equity_project_find_dataset_by_id (project, dataset_id) : NULL;

  for (guint i = 0; dataset != NULL && i < equity_dataset_get_n_columns (dataset); i++)
    gtk_string_list_append (names, equity_column_get_name (equity_dataset_get_column (dataset, i)));
  adw_combo_row_set_model (columns, G_LIST_MODEL (names));
  adw_combo_row_set_selected (columns, MIN (selected, g_list_model_get_n_items (G_LIST_MODEL (names))));
  gtk_widget_set_sensitive (GTK_WIDGET (columns), dataset != NULL);
}

static void
choice_changed_cb (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   const char  *which)
{
  EquityLensTemplateEditor *self;
  QuestionDraft *draft = row_draft (GTK_WIDGET (combo), &self);
  guint selected = adw_combo_row_get_selected (combo);

  if (g_str_equal (which, "type"))
    {
      draft->type = MIN (selected, EQUITY_ANSWER_CITATION);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (combo), NULL);
    }
  else if (g_str_equal (which, "dataset"))
    {
      g_autoptr(EquityDataset) dataset = selected > 0
        ? g_list_model_get_item (equity_project_get_datasets (self->project), selected - 1) : NULL;

      draft->dataset = dataset != NULL ? equity_dataset_get_id (dataset) : 0;
      draft->column = 0;
      fill_columns (g_object_get_data (G_OBJECT (combo), "columns"), self->project, draft->dataset, 0);
    }
  else if (selected != GTK_INVALID_LIST_POSITION)
    draft->column = selected;
  set_modified (self, TRUE);
}

static void
move_question (EquityLensTemplateEditor *self,
               QuestionDraft            *draft,
               int                       delta)
{
  guint index;
  guint other;

  if (!g_ptr_array_find (self->questions, draft, &index))
    return;
  other = index + delta;
  if (other < self->questions->len &&
      ((QuestionDraft *) g_ptr_array_index (self->questions, other))->step == draft->step)
    {
      g_ptr_array_index (self->questions, index) = g_ptr_array_index (self->questions, other);
      g_ptr_array_index (self->questions, other) = draft;
    }
  /* past the first or the last of its step: into the step before or after */
  else if (delta < 0 && draft->step > 1)
    draft->step--;
  else if (delta > 0 && draft->step < self->step_titles->len)
    draft->step++;
  else
    return;
  self->expanded = draft;
  set_modified (self, TRUE);
  rebuild_editor (self);
}

static void
question_button_clicked_cb (GtkButton  *button,
                            const char *which)
{
  EquityLensTemplateEditor *self;
  QuestionDraft *draft = row_draft (GTK_WIDGET (button), &self);

  if (g_str_equal (which, "up"))
    move_question (self, draft, -1);
  else if (g_str_equal (which, "down"))
    move_question (self, draft, 1);
  else
    {
      if (self->expanded == draft)
        self->expanded = NULL;
      g_ptr_array_remove (self->questions, draft);
      set_modified (self, TRUE);
      rebuild_editor (self);
    }
}

static void
add_question_clicked_cb (GtkButton *button)
{
  EquityLensTemplateEditor *self = EQUITY_LENS_TEMPLATE_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));
  QuestionDraft *draft = g_new0 (QuestionDraft, 1);
  guint at = 0;

  /* after the step's last question */
  for (guint i = 0; i < self->questions->len; i++)
    if (((QuestionDraft *) g_ptr_array_index (self->questions, i))->step <= step)
      at = i + 1;
  draft->step = step;
  draft->id = g_strdup_printf ("question-%u", self->questions->len + 1);
  draft->text = g_strdup ("");
  draft->options = g_strdup ("");
  g_ptr_array_insert (self->questions, at, draft);
  self->expanded = draft;
  set_modified (self, TRUE);
  rebuild_editor (self);
}

static GtkWidget *
entry_row_new (QuestionDraft *draft,
               GtkWidget     *expander,
               const char    *title,
               const char    *text,
               const char    *which)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "draft", draft);
  g_object_set_data (G_OBJECT (row), "expander", expander);
  g_object_set_data (G_OBJECT (expander), which, row);
  g_signal_connect (row, "changed", G_CALLBACK (question_entry_changed_cb), (gpointer) which);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static GtkWidget *
combo_row_new (QuestionDraft *draft,
               GtkWidget     *expander,
               const char    *title,
               GListModel    *model,
               guint          selected,
               const char    *which)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (model != NULL)
    adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "draft", draft);
  g_object_set_data (G_OBJECT (expander), which, row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static GtkWidget *
icon_button_new (QuestionDraft *draft,
                 const char    *icon,
                 const char    *tooltip,
                 const char    *which)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "draft", draft);
  g_signal_connect (button, "clicked", G_CALLBACK (question_button_clicked_cb), (gpointer) which);
  return button;
}

static GtkWidget *
question_row_new (EquityLensTemplateEditor *self,
                  QuestionDraft            *draft)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) datasets = gtk_string_list_new (NULL);
  GListModel *project_datasets = equity_project_get_datasets (self->project);
  guint dataset_index = 0;
  GtkWidget *dataset_row;
  GtkWidget *column_row;

  /* the question's text is the user's: shown as text */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), draft->text);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), draft->id);
  /* each action goes before the last: added last to first */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               icon_button_new (draft, "user-trash-symbolic", _("Remove Question"), "remove"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               icon_button_new (draft, "go-down-symbolic", _("Move Down"), "down"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               icon_button_new (draft, "go-up-symbolic", _("Move Up"), "up"));

  entry_row_new (draft, expander, _("_Id (stays the same across versions)"), draft->id, "id");
  entry_row_new (draft, expander, _("_Question"), draft->text, "text");
  for (guint i = 0; i < G_N_ELEMENTS (type_labels); i++)
    gtk_string_list_append (types, _(type_labels[i]));
  g_signal_connect (combo_row_new (draft, expander, _("Answer _type"), G_LIST_MODEL (types), draft->type, "type"),
                    "notify::selected", G_CALLBACK (choice_changed_cb), (gpointer) "type");
  entry_row_new (draft, expander, _("_Options, separated by semicolons"), draft->options, "options");

  gtk_string_list_append (datasets, _("None: the options above"));
  for (guint i = 0; i < g_list_model_get_n_items (project_datasets); i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (project_datasets, i);

      gtk_string_list_append (datasets, equity_dataset_get_name (dataset));
      if (equity_dataset_get_id (dataset) == draft->dataset)
        dataset_index = i + 1;
    }
  dataset_row = combo_row_new (draft, expander, _("Options from _dataset"), G_LIST_MODEL (datasets),
                               dataset_index, "dataset");
  column_row = combo_row_new (draft, expander, _("…its _column"), NULL, 0, "column");
  fill_columns (ADW_COMBO_ROW (column_row), self->project, dataset_index > 0 ? draft->dataset : 0, draft->column);
  g_object_set_data (G_OBJECT (dataset_row), "columns", column_row);
  g_signal_connect (dataset_row, "notify::selected", G_CALLBACK (choice_changed_cb), (gpointer) "dataset");
  g_signal_connect (column_row, "notify::selected", G_CALLBACK (choice_changed_cb), (gpointer) "column");
  g_object_set_data (G_OBJECT (expander), "draft", draft);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), draft == self->expanded);
  return expander;
}

static void
rebuild_editor (EquityLensTemplateEditor *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->edit_page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint step = 1; step <= self->step_titles->len; step++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *title = adw_entry_row_new ();
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      /* Translators: a step of an assessment template */
      g_autofree char *heading = g_strdup_printf (_("Step %u"), step);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), heading);
      gtk_widget_set_tooltip_text (add, _("Add a Question to This Step"));
      gtk_widget_add_css_class (add, "flat");
      g_object_set_data (G_OBJECT (add), "step", GUINT_TO_POINTER (step));
      g_signal_connect (add, "clicked", G_CALLBACK (add_question_clicked_cb), NULL);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
      gtk_editable_set_text (GTK_EDITABLE (title), g_ptr_array_index (self->step_titles, step - 1));
      g_object_set_data (G_OBJECT (title), "step", GUINT_TO_POINTER (step));
      g_signal_connect (title, "changed", G_CALLBACK (step_title_changed_cb), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), title);
      for (guint i = 0; i < self->questions->len; i++)
        {
          QuestionDraft *draft = g_ptr_array_index (self->questions, i);

          if (draft->step == step)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), question_row_new (self, draft));
        }
      adw_preferences_page_add (self->edit_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
}

/* ---- save, back and close ------------------------------------------------ */

static char *
dup_draft_text (EquityLensTemplateEditor *self)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all_options = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char *text;

  /* the core's question struct, borrowing the draft's text */
  for (guint i = 0; i < self->questions->len; i++)
    {
      QuestionDraft *draft = g_ptr_array_index (self->questions, i);
      EquityLensQuestion *question = g_new0 (EquityLensQuestion, 1);
      g_auto(GStrv) parts = g_strsplit (draft->options != NULL ? draft->options : "", ";", -1);
      g_autoptr(GStrvBuilder) options = g_strv_builder_new ();

      for (guint j = 0; parts[j] != NULL; j++)
        if (*g_strstrip (parts[j]) != '\0')
          g_strv_builder_add (options, parts[j]);
      question->id = g_strstrip (draft->id);
      question->text = draft->text;
      question->help = draft->help;
      question->type = draft->type;
      question->step = draft->step;
      question->options = g_strv_builder_end (options);
      question->options_dataset = draft->dataset;
      question->options_column = draft->column;
      g_ptr_array_add (all_options, question->options);
      g_ptr_array_add (questions, question);
    }
  /* the titles' array, NULL-ended for the call */
  g_ptr_array_add (self->step_titles, NULL);
  text = equity_lens_template_write (self->name, (const char * const *) self->step_titles->pdata,
                                     self->step_titles->len - 1, questions);
  g_ptr_array_remove_index (self->step_titles, self->step_titles->len - 1);
  return text;
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  EquityLensTemplateEditor *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityLensTemplate) saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (self->name == NULL)
    return;
  text = dup_draft_text (self);
  /* the CLI's path: the same checks and the same change-log entry */
  saved = equity_lens_template_save (self->project, text, self->name, &error);
  if (saved == NULL)
    {
      /* Translators: a template the checks refused; the reason follows */
      message = g_strdup_printf (_("Not saved. %s"), error->message);
      show_error (self, message);
      return;
    }
  /* Translators: a template saved from the editor */
  message = g_strdup_printf (_("Saved “%s” as version %d"), saved->name, saved->version);
  show_list (self);
  /* the name is the user's text; a toast's title is markup */
  equity_show_toast (GTK_WIDGET (self->stack), message);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Leaving the edit (back, or closing the window) asks first when it holds
 * changes; THEN runs once they are saved or discarded. */
static void
discard_response_cb (AdwMessageDialog         *dialog,
                     const char               *response,
                     EquityLensTemplateEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->modified = FALSE;
  /* closed once the dialog, transient for this window, is done with its response */
  if (g_object_get_data (G_OBJECT (dialog), "closing") != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
  else
    show_list (self);
}

static void
ask_discard (EquityLensTemplateEditor *self,
             gboolean                  closing)
{
  GtkWidget *dialog = equity_confirm_dialog_new (GTK_WIDGET (self), _("Discard Changes?"),
                                                 _("The template's changes are not saved. Save makes them "
                                                   "the next version; discarding keeps the template as it is."),
                                                 "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE, FALSE);

  g_object_set_data (G_OBJECT (dialog), "closing", closing ? GINT_TO_POINTER (1) : NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  EquityLensTemplateEditor *self = data;

  if (self->name == NULL)
    return;
  if (self->modified)
    ask_discard (self, FALSE);
  else
    show_list (self);
}

static gboolean
close_request_cb (EquityLensTemplateEditor *self)
{
  if (!self->modified)
    return FALSE;
  ask_discard (self, TRUE);
  return TRUE;
}

static const GActionEntry editor_actions[] = {
  { .name = "save", .activate = save_activated },
  { .name = "back", .activate = back_activated },
};

static void
equity_lens_template_editor_dispose (GObject *object)
{
  EquityLensTemplateEditor *self = EQUITY_LENS_TEMPLATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_LENS_TEMPLATE_EDITOR);
  g_clear_object (&self->project);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->step_titles, g_ptr_array_unref);
  g_clear_pointer (&self->list_rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (equity_lens_template_editor_parent_class)->dispose (object);
}

static void
equity_lens_template_editor_class_init (EquityLensTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_lens_template_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-lens-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, templates_group);
  gtk_widget_class_bind_template_child (widget_class, EquityLensTemplateEditor, edit_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "templates.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "templates.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
equity_lens_template_editor_init (EquityLensTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_draft_free);
  self->step_titles = g_ptr_array_new_with_free_func (g_free);
  self->list_rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), editor_actions, G_N_ELEMENTS (editor_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "templates", G_ACTION_GROUP (self->actions));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

EquityLensTemplateEditor *
equity_lens_template_editor_new (GtkWindow     *parent,
                                 EquityProject *project)
{
  EquityLensTemplateEditor *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  self = g_object_new (EQUITY_TYPE_LENS_TEMPLATE_EDITOR, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  show_list (self);
  return self;
}

gboolean
equity_lens_template_editor_is_modified (EquityLensTemplateEditor *self)
{
  g_return_val_if_fail (EQUITY_IS_LENS_TEMPLATE_EDITOR (self), FALSE);
  return self->modified;
}

const char *
equity_lens_template_editor_get_error (EquityLensTemplateEditor *self)
{
  g_return_val_if_fail (EQUITY_IS_LENS_TEMPLATE_EDITOR (self), NULL);
  return equity_error_revealer_get (self->error_revealer, self->error_label);
}

GtkWidget *
equity_lens_template_editor_get_list_row (EquityLensTemplateEditor *self,
                                          const char               *name)
{
  g_return_val_if_fail (EQUITY_IS_LENS_TEMPLATE_EDITOR (self), NULL);

  for (guint i = 0; i < self->list_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->list_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "template-name"), name) == 0)
        return row;
    }
  return NULL;
}
