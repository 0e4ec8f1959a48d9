/**
 * Chats: chat settings, bot scenarios, chat sessions and their dialogs, operators, the widget
 * and its server push, Telegram bots, and the send API's {@code chat} channel.
 * A scenario is a set of steps: the bot's messages, answer buttons, transitions by button or by
 * keywords in the user's text, dialog-result variables, transfer to an operator, end of dialog.
 */
package io.kaskad.chat;
