/*
 * Language tabs for the long translated texts of an admin form (editorial/admin/languages.py):
 * the language columns of one field, which the page lists one under another, become the panels
 * of a tab list (the ARIA tabs pattern: arrow keys, Home and End move between the tabs), one
 * shown at a time. A tab says when its language is still empty, and keeps saying it while the
 * text is typed, in a plain text area or in a TinyMCE editor. Without this script every language
 * stays visible, as the page was sent.
 */
'use strict';
{
    // The tab groups of the page, by the form field they belong to.
    const groups = [];

    function editorOf(widget) {
        const tinymce = window.tinymce;
        const editor = tinymce && widget.id ? tinymce.get(widget.id) : null;
        return editor && editor.initialized ? editor : null;
    }

    function isEmpty(widget) {
        const editor = editorOf(widget);
        const text = editor ? editor.getContent({format: 'text'}) : widget.value;
        return text.trim() === '';
    }

    function showState(member) {
        const empty = isEmpty(member.widget);
        member.tab.classList.toggle('is-empty', empty);
        member.emptyMark.textContent = empty ? ` ${member.widget.dataset.emptyLabel}` : '';
    }

    function select(group, chosen, moveFocus) {
        group.members.forEach((member, index) => {
            const selected = index === chosen;
            member.tab.setAttribute('aria-selected', selected ? 'true' : 'false');
            member.tab.tabIndex = selected ? 0 : -1;
            member.panel.hidden = !selected;
        });
        if (moveFocus) {
            group.members[chosen].tab.focus();
        }
    }

    function onKeydown(group, event) {
        const count = group.members.length;
        const current = group.members.findIndex((member) => member.tab === event.target);
        const next = {
            ArrowRight: (current + 1) % count,
            ArrowLeft: (current - 1 + count) % count,
            Home: 0,
            End: count - 1,
        }[event.key];
        if (current === -1 || next === undefined) {
            return;
        }
        event.preventDefault();
        select(group, next, true);
    }

    function buildGroup(widgets) {
        const tablist = document.createElement('div');
        tablist.className = 'language-tabs';
        tablist.setAttribute('role', 'tablist');
        tablist.setAttribute('aria-label', widgets[0].dataset.languageTabsLabel);
        const group = {tablist: tablist, members: []};
        widgets.forEach((widget) => {
            const panel = widget.closest('.form-row');
            panel.id = panel.id || `${widget.id}-panel`;
            panel.classList.add('language-panel');
            panel.setAttribute('role', 'tabpanel');

            const tab = document.createElement('button');
            tab.type = 'button';
            tab.id = `${widget.id}-tab`;
            tab.setAttribute('role', 'tab');
            tab.setAttribute('aria-controls', panel.id);
            tab.dataset.language = widget.dataset.language;
            const name = document.createElement('span');
            name.textContent = widget.dataset.languageName;
            const emptyMark = document.createElement('span');
            emptyMark.className = 'language-tab-empty';
            tab.append(name, emptyMark);
            panel.setAttribute('aria-labelledby', tab.id);
            tablist.append(tab);

            const member = {widget: widget, panel: panel, tab: tab, emptyMark: emptyMark};
            group.members.push(member);
            tab.addEventListener('click', () => select(group, group.members.indexOf(member), false));
            ['input', 'change'].forEach((type) => widget.addEventListener(type, () => showState(member)));
            showState(member);
        });
        tablist.addEventListener('keydown', (event) => onKeydown(group, event));
        group.members[0].panel.before(tablist);
        // The first language with an error in it, else the first language.
        const withError = group.members.findIndex((member) => member.panel.querySelector('.errorlist'));
        select(group, Math.max(withError, 0), false);
        return group;
    }

    function memberOf(widget) {
        for (const group of groups) {
            const member = group.members.find((candidate) => candidate.widget === widget);
            if (member) {
                return member;
            }
        }
        return null;
    }

    // A TinyMCE editor writes into its text area only when the form is saved: the tab follows
    // the editor itself, from its first content on.
    function followEditor(editor) {
        const widget = document.getElementById(editor.id);
        const member = widget && memberOf(widget);
        if (!member) {
            return;
        }
        const update = () => showState(member);
        editor.on('init input change keyup undo redo SetContent ExecCommand', update);
        if (editor.initialized) {
            update();
        }
    }

    function init() {
        const byField = new Map();
        document.querySelectorAll('[data-language-tab][data-language]').forEach((widget) => {
            if (!widget.closest('.form-row') || widget.closest('.empty-form')) {
                return;
            }
            // The field's name without its language: "body_bg" -> "body", inline prefixes kept.
            const key = widget.name.slice(0, -(widget.dataset.language.length + 1));
            if (!byField.has(key)) {
                byField.set(key, []);
            }
            byField.get(key).push(widget);
        });
        byField.forEach((widgets) => {
            if (widgets.length > 1) {
                groups.push(buildGroup(widgets));
            }
        });
        const tinymce = window.tinymce;
        if (tinymce && groups.length) {
            tinymce.get().forEach(followEditor);
            tinymce.on('AddEditor', (event) => followEditor(event.editor));
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}
