// TinyMCE's Russian pack leaves "Undo" and "Redo" in English: put them in Russian once the
// editor has loaded its language, before it draws the toolbar.
tinymce.on("AddEditor", ({ editor }) => {
  editor.on("ScriptsLoaded", () => {
    tinymce.addI18n("ru", { Undo: "Отменить", Redo: "Повторить" });
  });
});
