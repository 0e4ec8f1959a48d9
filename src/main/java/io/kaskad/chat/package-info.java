/**
 * Chats: bot scenarios (this far), and later chat settings, sessions, the widget and operators.
 * A scenario is a set of steps: the bot's messages, answer buttons, transitions by button or by
 * keywords in the user's text, dialog-result variables, transfer to an operator, end of dialog.
 */
package io.kaskad.chat;
