"""``?``: the keys, explained, over whichever screen asked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP_EN = """\
[b]ahp — keys[/b]

[b]Main screen[/b]  (the title line starts with whose judgments are on screen)
  tab          move between the tree and the pairs
  ↑ ↓          choose a pair (in the tree: choose a node)
  ← →          move the judgment one step toward the left / right element
               (9 … 2 1 2 … 9); a missing judgment starts from 1
  1 … 9        that intensity toward the side the judgment favours (left if equal)
  =            equal (1)
  x            clear: the pair becomes missing and is completed by the engine
  a            apply the suggested value of the node's worst judgment
  ctrl+z / ctrl+y   undo / redo (of any respondent: undo shows whose change it was)
[b]Respondents[/b]
  p / P        next / previous respondent      n  add a respondent
  m            rename the one on screen         w  their weight in the group
  del          remove the one on screen (asks first; keeps a copy of the file; ctrl+z undoes)
  "CR:" lists every respondent's CR at the node: ✓ consistent ✗ inconsistent
  (flagged, excluded or included, as the group setting says) ? incomplete.
[b]Anywhere[/b]
  i  interview mode    r  results    g  group    e  export    l  English / 中文
  s  sensitivity       t  ratings    k  churn risk and actions    c  settings
  ctrl+p  command palette (this screen's actions)    ?  this help    q  quit
[b]Results[/b]   p  all respondents combined → each respondent in turn → combined
  o  export the full report (.html, .md, .xlsx or .docx; optionally with sensitivity)
[b]Sensitivity[/b]  how sure is the ranking (of the results on screen)
  ← →  the weight to vary: the plot shows every factor's global weight as it goes 0 → 1
  m  run Monte Carlo again (10,000 draws, seed 0)   o  log-normal / ±1 step noise
  Tipping point: the weight at which two factors swap rank.  ↑ ↓ pgup pgdn  scroll
[b]Ratings[/b]  each unit (store, region, segment) graded on every churn factor
  ↑ ↓  factor   ← →  one grade better / worse   1 … 5  that grade (1 = best)
  x  clear      u / U  next / previous unit     n  add a unit   del  remove it (asks)
  m  rename the unit   ctrl+z  undo the last rating   k  the risk screen
[b]Risk[/b]  churn-risk index 0-100 = Σ weight × grade intensity; actions by points saved
  ↑ ↓  choose a unit    t  rate it
[b]Group[/b]     progress (answered m/n, top 5 settled or not, pass/fail per node, worst CR; live as
  answers arrive), consensus S* per node, each respondent against the group
  p  next respondent   a  combine by AIJ / AIP (geometric, arithmetic mean)
  f  inconsistent respondents: flag / exclude / include
[b]Settings[/b]  method, RI table, acceptance rule, λmax, practice, language; saved at once
  ↑ ↓  choose a setting   ← → enter  change it   (a practice presets RI, rule and λmax)
[b]Interview mode[/b]
  ← → 1-9 =  answer    enter  next    s  skip (leave missing)
  backspace  previous question    esc  back to the main screen
  The questions that can change the top 5 factors come first; once none can,
  it says so: r  results, or →  go on (the rest in the usual order)

Every change is saved at once (atomic write, previous version in .bak).
Marks: ✓ consistent  ✗ inconsistent (CR above threshold)  ? incomplete.

Press esc or ? to close.
"""

HELP_ZH = """\
[b]ahp — 按键[/b]

[b]主界面[/b]（标题行最前面是当前专家）
  tab          在层次树与两两比较之间切换
  ↑ ↓          选择一对比较（在树中：选择判断矩阵）
  ← →          判断向左 / 右侧要素移动一格（9 … 2 1 2 … 9）；缺失的判断从 1 开始
  1 … 9        向当前占优的一侧设为该强度（同等时为左侧）
  =            同等重要 (1)
  x            清除：该对变为缺失，由程序补全
  a            将本判断矩阵中最需修改的判断改为建议值
  ctrl+z / ctrl+y   撤销 / 重做（任何专家的修改；撤销时会切换到该专家）
[b]专家[/b]
  p / P        下一位 / 上一位专家              n  添加专家
  m            重命名当前专家                   w  其在群体中的权重
  del          删除当前专家（会先确认；保留文件副本；ctrl+z 可恢复）
  「CR：」列出每位专家在该判断矩阵的 CR：✓ 通过 ✗ 未通过（按群体设置予以标明、剔除或仍纳入）? 判断不完整。
[b]任意界面[/b]
  i  访谈模式    r  结果    g  群体    e  导出    l  English / 中文
  s  敏感性分析  t  评价        k  流失风险与改进事项    c  设置
  ctrl+p  命令面板（本界面的操作）    ?  本帮助    q  退出
[b]结果[/b]   p  全部合并 → 逐个专家 → 全部合并
  o  导出完整报告（.html、.md、.xlsx 或 .docx；可含敏感性摘要）
[b]敏感性分析[/b]  排序有多可靠（针对当前结果）
  ← →  选择要变动的权重：图中为该权重从 0 到 1 时各因素的全局权重
  m  重新运行蒙特卡洛（10,000 次，种子 0）   o  对数正态 / ±1 级扰动
  转折点：两个因素交换排名时该权重的取值。  ↑ ↓ pgup pgdn  滚动
[b]评价[/b]  每个门店（区域、客群）在各流失因素上的评价
  ↑ ↓  因素   ← →  评价好一级 / 差一级   1 … 5  直接选择（1 = 最好）
  x  清除     u / U  下一个 / 上一个门店    n  添加   del  删除（会先确认）
  m  重命名门店   ctrl+z  撤销上一次评价   k  风险界面
[b]风险[/b]  流失风险指数 0-100 = Σ 权重 × 评价强度；改进事项按可降低的指数排序
  ↑ ↓  选择门店    t  评价该门店
[b]群体[/b]   答题进度（已答 m/n 题、前 5 位是否已确定、各判断矩阵通过/未通过、最大 CR，随回答实时更新），
  各判断矩阵的共识程度 S*，每位专家与群体的差异
  p  下一位专家   a  合并方式 AIJ / AIP（几何、算术平均）
  f  未通过一致性检验的专家：予以标明 / 剔除 / 仍纳入
[b]设置[/b]  权重方法、RI 表、一致性标准、λmax、惯例、语言；更改立即保存
  ↑ ↓  选择设置项   ← → enter  更改   （惯例同时设定 RI 表、一致性标准与 λmax）
[b]访谈模式[/b]
  ← → 1-9 =  作答    enter  下一题    s  跳过（留空）
  backspace  上一题    esc  返回主界面
  先问可能改变前 5 个因素的问题；其余回答都不能改变时会提示：
  r  查看结果，或 →  继续（其余题目按原顺序）

每次修改都会立即保存（原子写入，上一版本保存在 .bak）。
标记：✓ 通过一致性检验  ✗ 未通过（CR 超过上限）  ? 判断不完整。

按 esc 或 ? 关闭。
"""


class HelpScreen(ModalScreen[None]):
    """The key reference; esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "close"),
        Binding("question_mark", "dismiss", "close", show=False),
        Binding("q", "dismiss", "close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(HELP_ZH if getattr(self.app, "language", "en") == "zh" else HELP_EN, id="help-text")
