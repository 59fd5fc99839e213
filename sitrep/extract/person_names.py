"""Common given names, to tell "Marcus Hines said" (a person) from a town called Marcus.

Only the screening rules of :mod:`sitrep.extract.place_scan` use this list: a match that is
a given name followed by a surname-like capitalised word, or a match right after a given
name, is a person's name. The list holds frequent given names (English-speaking countries,
plus a few common elsewhere); it omits ones that are chiefly big-city names ("Houston",
"Denver") so that such cities are never screened by it alone.
"""

from __future__ import annotations

from sitrep.extract.gazetteer_text import word_set

__all__ = ["GIVEN_NAMES"]

GIVEN_NAMES = word_set(
    """
    aaron adam adrian aiden alan albert alex alexander alexis alfred alice alicia allison amanda
    amber amy andre andrea andrew angela angelo anita ann anna anne annie anthony antonio april
    arthur ashley audrey barbara barry beatrice becky ben benjamin bernard beth betty beverly bill
    billy bobby bonnie brad bradley brandon brenda brent brett brian brittany bruce bryan byron
    caleb calvin carl carla carlos carol caroline carolyn carrie casey cassandra catherine cathy
    cecil chad charlene charles charlie cheryl chris christian christina christine christopher
    cindy claire clarence claude clifford clint cody colin connie corey courtney craig crystal
    curtis cynthia daisy dale dan dana daniel danielle danny darius darnell darrell darren darryl
    dave david dawn dean deborah debra demetrius denise dennis derek derrick desmond destiny
    devin diana diane dominic don donald donna donnell doris dorothy douglas duane dustin dwayne
    dwight earl eddie edgar edith edward edwin eileen elaine eleanor elijah elizabeth ellen elmer
    emily emma eric erica erick erik erin ernest esther ethan eva evelyn felicia felix floyd
    frances francis frank franklin fred frederick gabriel gail gary gavin gene geoffrey george
    gerald gina glen glenn gloria gordon grace greg gregory gwen hannah harold harry harvey
    heather heidi helen henry herbert herman holly howard ian isaac isaiah jack jackie jacob
    jacqueline jaime jake jamal james jamie jan jane janet janice jared jasmine jason jay jean
    jeff jeffrey jennifer jenny jeremiah jeremy jerome jerry jesse jessica jesus jill jim jimmy
    joan joanne joe joel johnny jon jonathan jordan jorge jose joseph joshua joy joyce juan
    judith judy julia julian julie justin karen karl kate katherine kathleen kathryn kathy katie
    keith kelly ken kenneth kevin kim kimberly kirk kristen kristin kyle lamar lance larry laura
    lauren lawrence leah lee leon leonard leroy leslie lester lewis linda lisa lloyd logan lois
    lonnie lori louis lucas lucy luis luke lynn malik mandy marc marcus margaret maria marie
    marilyn mario marion marjorie mark marlon marsha martha martin marvin mary matthew maurice
    max megan melanie melissa melvin michael michele michelle miguel mike mildred misty mitchell
    monica morgan nancy naomi natalie nathan nathaniel neil nicholas nick nicole noah norma
    norman oscar pamela pat patricia patrick patty paul paula pedro peggy peter philip phillip
    phyllis quentin rachel ralph ramon randall randy ray raymond rebecca regina reginald rene
    rhonda ricardo richard rick ricky rita rob robert roberto robin rodney roger ron ronald
    ronnie rosa rose roy ruby russell ruth ryan sally samantha samuel sandra sara sarah scott
    sean shane shannon sharon shaun shawn sheila shelby shirley sidney stacy stanley stephanie
    stephen steve steven sue susan suzanne sylvia tamara tammy tanya tara teresa terrance
    terrell terry theodore theresa thomas tiffany tim timothy tina todd tom tommy tony tracy
    travis trevor troy tyler tyrone valerie vanessa vernon veronica vicki victor victoria vincent
    virginia wade walter wanda warren wayne wendy wesley whitney william willie yolanda zachary
    """
)
